import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getServices } from "@/server/context";
import { ZAuditQuery } from "@/server/moderation/moderation.schema";
import { PageHeader } from "@/components/admin/PageHeader";
import { AuditLog } from "@/components/admin/AuditLog";
import { AUDIT_PAGE, type AuditFilters } from "@/components/admin/audit-filters";
import { requireStaffPage } from "../_lib";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.nav"))("audit") };
}

type Search = { actor?: string; targetUser?: string; action?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireStaffPage("/admin/audit");
  const sp = await searchParams;
  // A malformed filter in the address is dropped rather than turned into an error page.
  const one = (key: keyof Search) => (ZAuditQuery.shape[key].safeParse(sp[key]).success ? sp[key] || undefined : undefined);
  const filters: AuditFilters = { actor: one("actor"), targetUser: one("targetUser"), action: one("action") };
  const entries = await getServices().moderation.audit(viewer, { ...filters, limit: AUDIT_PAGE });
  const t = await getTranslations("admin.audit");
  const names = {
    actor: filters.actor ? entries.find((e) => e.actor.id === filters.actor)?.actor.username : undefined,
    targetUser: filters.targetUser ? (entries.find((e) => e.targetUserId === filters.targetUser)?.targetUsername ?? undefined) : undefined,
  };
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AuditLog key={`${JSON.stringify(filters)}:${entries[0]?.id ?? ""}`} initial={entries} filters={filters} names={names} />
    </>
  );
}
