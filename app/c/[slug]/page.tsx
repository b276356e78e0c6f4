import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getServices } from "@/server/context";
import { getViewer, isMemberShell } from "@/server/auth/viewer";
import { PostFeed } from "@/components/posts/PostFeed";
import { Card } from "@/components/ui/Card";
import { LinkButton } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { PlusIcon } from "@/components/ui/icons";
import { orNotFound } from "../../_components/load";
import { CategoryWatchControl } from "@/components/follow/WatchControl";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const category = await getServices()
    .categories.get(slug)
    .catch(() => null);
  return { title: category?.name ?? (await getTranslations("notFound"))("title") };
}

export default async function CategoryPage({ params }: Props) {
  const { slug } = await params;
  const [viewer, shell] = await Promise.all([getViewer(), isMemberShell()]);
  const services = getServices();
  const page = await orNotFound(services.posts.listByCategory(slug, viewer));
  const { category } = page;
  // The page for members in general renders as "a member"; each reader's layer fills it in.
  const watchLevel = viewer ? await services.follow.categoryLevel(viewer, category.slug) : shell ? "normal" : null;
  const canPost = (viewer && !viewer.ban) || shell;
  const newHref = `/new?category=${encodeURIComponent(category.slug)}`;
  const t = await getTranslations("category");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm font-medium text-accent-600 dark:text-accent-400">{t("eyebrow")}</p>
          <h1 className="mt-0.5 text-2xl font-bold tracking-tight text-zinc-900 sm:text-3xl dark:text-white">{category.name}</h1>
          {category.description && <p className="mt-1 max-w-2xl text-zinc-600 dark:text-zinc-400">{category.description}</p>}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {watchLevel && <CategoryWatchControl slug={category.slug} level={watchLevel} shell={shell} />}
          {canPost && (
            <LinkButton href={newHref}>
              <PlusIcon className="size-4" />
              {t("newPost")}
            </LinkButton>
          )}
        </div>
      </div>
      <Card>
        <PostFeed
          scope={`category:${category.slug}`}
          initial={{ posts: page.items, nextCursor: page.nextCursor }}
          shell={shell}
          showCategory={false}
          empty={
            <EmptyState
              title={t("empty", { name: category.name })}
              action={
                canPost ? (
                  <LinkButton href={newHref}>{t("writeFirst")}</LinkButton>
                ) : viewer ? null : (
                  <LinkButton href={`/signin?callbackUrl=${encodeURIComponent(newHref)}`} variant="secondary">
                    {t("signInToPost")}
                  </LinkButton>
                )
              }
            >
              {t("emptyBody")}
            </EmptyState>
          }
        />
      </Card>
    </div>
  );
}
