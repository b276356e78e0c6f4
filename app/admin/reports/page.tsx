import type { Metadata } from "next";
import { getServices } from "@/server/context";
import { PageHeader } from "@/components/admin/PageHeader";
import { ReportQueue } from "@/components/admin/ReportQueue";
import type { ReportStatus } from "@/components/admin/admin-api";
import { requireStaffPage } from "../_lib";

export const metadata: Metadata = { title: "Reports" };

const STATUSES = ["open", "resolved", "dismissed", "all"] as const;

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const viewer = await requireStaffPage("/admin/reports");
  const raw = (await searchParams).status;
  const status: ReportStatus = STATUSES.find((s) => s === raw) ?? "open";
  const reports = await getServices().moderation.reports.list(viewer, status, 100);
  return (
    <>
      <PageHeader
        title="Reports"
        description="Member reports, oldest open first. One decision closes every open report on the same item."
      />
      <ReportQueue initial={reports} initialStatus={status} />
    </>
  );
}
