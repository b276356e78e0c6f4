import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getServices } from "@/server/context";
import { PageHeader } from "@/components/admin/PageHeader";
import { UsersTable } from "@/components/admin/UsersTable";
import { USERS_PAGE } from "@/components/admin/admin-api";
import { requireStaffPage } from "../_lib";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.nav"))("users") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const viewer = await requireStaffPage("/admin/users");
  const q = ((await searchParams).q ?? "").trim().slice(0, 60);
  const initial = await getServices().moderation.members.list(viewer, { q: q || undefined, limit: USERS_PAGE, offset: 0 });
  const t = await getTranslations("admin.users");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={viewer.role === "ADMIN" ? t("descriptionAdmin") : t("descriptionModerator")}
      />
      <UsersTable initial={initial} initialQuery={q} me={{ id: viewer.id, role: viewer.role }} />
    </>
  );
}
