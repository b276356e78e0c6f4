"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { Alert } from "@/components/ui/Field";
import { cn } from "@/components/ui/cn";
import { adminApi, useDescribeError, type QueueReport, type ReportStatus } from "./admin-api";
import { useStaffStoreApi } from "./StaffStoreProvider";
import { ReportCard } from "./ReportCard";

/** Each tab's label is `admin.queue.tabs.<status>`; its empty state `admin.queue.empty.<status>`. */
const TABS: ReportStatus[] = ["open", "resolved", "dismissed", "all"];

/** The reports queue: refetched whenever a `report:changed` arrives, so it is always current. */
export function ReportQueue({ initial, initialStatus }: { initial: QueueReport[]; initialStatus: ReportStatus }) {
  const t = useTranslations("admin.queue");
  const describeError = useDescribeError();
  const [status, setStatus] = useState(initialStatus);
  const [reports, setReports] = useState(initial);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const staff = useStaffStoreApi();

  // Only the newest request may write: a slow answer for an old tab must not overwrite a new one.
  const load = useCallback(async (s: ReportStatus) => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const next = await adminApi.reports(s);
      if (ticket === latest.current) {
        setReports(next);
        setError(null);
      }
    } catch (err) {
      if (ticket === latest.current) setError(describeError(err));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [describeError]);

  // A report changed somewhere: refetch the tab on screen. Only a `report:changed` triggers;
  // switching tabs loads by itself (choose), never through here.
  const shownStatus = useRef(status);
  useEffect(() => {
    shownStatus.current = status;
  }, [status]);
  useEffect(
    () =>
      staff.subscribe((now, before) => {
        if (now.reportsVersion !== before.reportsVersion) void load(shownStatus.current);
      }),
    [staff, load],
  );

  function choose(s: ReportStatus) {
    setStatus(s);
    window.history.replaceState(null, "", s === "open" ? "/admin/reports" : `/admin/reports?status=${s}`);
    void load(s);
  }

  function resolved(r: QueueReport) {
    setReports((list) => (status === "open" ? list.filter((x) => x.id !== r.id) : list.map((x) => (x.id === r.id ? r : x))));
  }

  return (
    <div className="space-y-4">
      <div role="tablist" aria-label={t("statusLabel")} className="flex gap-1 overflow-x-auto rounded-lg bg-zinc-100 p-1 dark:bg-zinc-900">
        {TABS.map((tab) => (
          <button
            key={tab}
            role="tab"
            type="button"
            aria-selected={status === tab}
            onClick={() => choose(tab)}
            className={cn(
              "h-8 flex-1 rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-accent-500",
              status === tab
                ? "bg-white text-zinc-900 shadow-xs dark:bg-zinc-700 dark:text-white"
                : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
            )}
          >
            {t(`tabs.${tab}`)}
          </button>
        ))}
      </div>
      {error && <Alert>{error}</Alert>}
      <div aria-busy={loading} className={cn("space-y-4 transition-opacity", loading && "opacity-60")}>
        {reports.length === 0 ? (
          <Card>
            <EmptyState title={t(`empty.${status}.title`)}>{t(`empty.${status}.hint`)}</EmptyState>
          </Card>
        ) : (
          reports.map((r) => <ReportCard key={r.id} report={r} onResolved={resolved} />)
        )}
      </div>
    </div>
  );
}
