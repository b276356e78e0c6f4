"use client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { FlagIcon } from "@/components/ui/icons";
import type { QueueReport } from "./admin-api";
import { ReportContent } from "./ReportContent";
import { ResolveForm } from "./ResolveForm";

const STATUS_TONE = { open: "amber", resolved: "green", dismissed: "neutral" } as const;

/** A report: the complaint, the reported item in context, and the decision (or the one taken). */
export function ReportCard({ report: r, onResolved }: { report: QueueReport; onResolved: (r: QueueReport) => void }) {
  const t = useTranslations("admin.reports");
  return (
    <Card className="overflow-hidden" data-testid="report">
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1 border-b border-zinc-200 px-4 py-3 sm:px-5 dark:border-zinc-800">
        <FlagIcon className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" />
        <div className="min-w-0 flex-1">
          <p className="font-medium break-words text-zinc-900 dark:text-zinc-100">{r.reason}</p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {t.rich("typeReportedBy", {
              type: r.targetType,
              username: r.reporter.username,
              who: (chunks) => <span className="font-medium text-zinc-700 dark:text-zinc-300">{chunks}</span>,
            })}{" "}
            · <RelativeTime iso={r.createdAt} />
          </p>
        </div>
        <Badge tone={STATUS_TONE[r.status]}>
          {r.status === "open" ? t("open") : r.status === "dismissed" ? t("dismissed") : t("resolved", { resolution: r.resolution ?? "" })}
        </Badge>
      </div>
      <div className="space-y-4 px-4 py-4 sm:px-5">
        <ReportContent target={r.target} />
        {r.status === "open" ? (
          <ResolveForm report={r} onResolved={onResolved} />
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {r.resolvedBy ? t("closedBy", { username: r.resolvedBy.username }) : t("closed")}{" "}
            {r.resolvedAt && <RelativeTime iso={r.resolvedAt} />}
            {r.note && <> — {t("note", { note: r.note })}</>}
          </p>
        )}
      </div>
    </Card>
  );
}
