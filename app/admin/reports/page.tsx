import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getServices } from "@/server/context";
import { PageHeader } from "@/components/admin/PageHeader";
import { ReportQueue } from "@/components/admin/ReportQueue";
import type { ReportStatus } from "@/components/admin/admin-api";
import { requireStaffPage } from "../_lib";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.nav"))("reports") };
}

const STATUSES = ["open", "resolved", "dismissed", "all"] as const;

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const viewer = await requireStaffPage("/admin/reports");
  const raw = (await searchParams).status;
  const status: ReportStatus = STATUSES.find((s) => s === raw) ?? "open";
  const reports = await getServices().moderation.reports.list(viewer, status, 100);
  const t = await getTranslations("admin.reports");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
      />
      <ReportQueue initial={reports} initialStatus={status} />
    </>
  );
}
