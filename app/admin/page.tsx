import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getServices } from "@/server/context";
import { Card, CardHeader } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { LinkButton } from "@/components/ui/Button";
import { PageHeader } from "@/components/admin/PageHeader";
import { FigureCards, LiveBadge } from "@/components/admin/FigureCards";
import { AuditEntryRow } from "@/components/admin/AuditEntryRow";
import { ReportPreview } from "@/components/admin/ReportPreview";
import { requireStaffPage } from "./_lib";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.nav"))("overview") };
}

export default async function AdminOverview() {
  const viewer = await requireStaffPage("/admin");
  const moderation = getServices().moderation;
  // The figures come from the admin layout, through the dashboard's store.
  const [recent, open] = await Promise.all([moderation.audit(viewer, { limit: 10 }), moderation.reports.list(viewer, "open", 5)]);
  const t = await getTranslations("admin.overview");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} action={<LiveBadge />} />
      <FigureCards />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 xl:grid-cols-2">
        <Card className="self-start">
          <CardHeader
            title={t("openReports")}
            action={
              <LinkButton href="/admin/reports" variant="ghost" size="sm">
                {t("openQueue")}
              </LinkButton>
            }
          />
          {open.length === 0 ? (
            <EmptyState title={t("noOpenReports")} />
          ) : (
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {open.map((r) => (
                <ReportPreview key={r.id} report={r} />
              ))}
            </ul>
          )}
        </Card>
        <Card className="self-start">
          <CardHeader
            title={t("recent")}
            action={
              <LinkButton href="/admin/audit" variant="ghost" size="sm">
                {t("fullAudit")}
              </LinkButton>
            }
          />
          {recent.length === 0 ? (
            <EmptyState title={t("nothingYet")}>{t("nothingYetHint")}</EmptyState>
          ) : (
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {recent.map((e) => (
                <AuditEntryRow key={e.id} entry={e} />
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
