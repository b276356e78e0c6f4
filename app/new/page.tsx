import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { NewPostForm } from "@/components/posts/NewPostForm";
import { Card } from "@/components/ui/Card";
import { Alert } from "@/components/ui/Field";
import { loadCategories } from "../_components/load";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("newPost"))("title") };
}

type Props = { searchParams: Promise<{ category?: string | string[] }> };

export default async function NewPostPage({ searchParams }: Props) {
  const { category } = await searchParams;
  const wanted = typeof category === "string" ? category : "";
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(`/new${wanted ? `?category=${encodeURIComponent(wanted)}` : ""}`)}`);
  const categories = await loadCategories();
  const initial =
    categories.find((c) => c.slug === wanted)?.slug ?? categories.find((c) => c.slug === "general")?.slug ?? categories[0]?.slug ?? "";
  const t = await getTranslations("newPost");
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight text-zinc-900 sm:text-3xl dark:text-white">{t("title")}</h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">{t("subtitle")}</p>
      <Card className="mt-6 p-5 sm:p-6">
        {viewer.ban ? (
          <Alert>{t("banned")}</Alert>
        ) : (
          <NewPostForm categories={categories} initialCategory={initial} />
        )}
      </Card>
    </div>
  );
}
