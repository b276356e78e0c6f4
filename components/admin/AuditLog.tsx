"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Card } from "@/components/ui/Card";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { Alert, inputClass } from "@/components/ui/Field";
import { cn } from "@/components/ui/cn";
import { adminApi, useDescribeError, type AuditLogEntry } from "./admin-api";
import { AuditEntryRow, type AuditFilterKey, type FilterHref } from "./AuditEntryRow";
import { ACTION_OPTIONS, AUDIT_PAGE, auditHref, auditParams, type AuditFilters } from "./audit-filters";

interface Props {
  initial: AuditLogEntry[];
  filters: AuditFilters;
  /** Usernames for the actor / target filters, when the server knows them. */
  names: Partial<Record<AuditFilterKey, string>>;
}

function Chip({ label, href }: { label: string; href: string }) {
  const t = useTranslations("admin.audit");
  const router = useRouter();
  return (
    <button
      type="button"
      onClick={() => router.push(href)}
      className="inline-flex h-8 items-center gap-1.5 rounded-full bg-accent-50 px-3 text-sm text-accent-800 ring-1 ring-accent-200 ring-inset hover:bg-accent-100 dark:bg-accent-950 dark:text-accent-200 dark:ring-accent-800"
    >
      {label}
      <span aria-hidden="true">×</span>
      <span className="sr-only">{t("removeFilter")}</span>
    </button>
  );
}

/** The audit log, newest first: filters live in the address; older pages load in place. */
export function AuditLog({ initial, filters, names }: Props) {
  const t = useTranslations("admin.audit");
  const describeError = useDescribeError();
  const router = useRouter();
  const [entries, setEntries] = useState(initial);
  const [more, setMore] = useState(initial.length >= AUDIT_PAGE);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const filterHref: FilterHref = (key, value) => auditHref({ ...filters, [key]: value });
  const without = (key: AuditFilterKey) => auditHref({ ...filters, [key]: undefined });

  const page = async (before: string) => {
    const params = auditParams(filters);
    params.set("before", before);
    params.set("limit", String(AUDIT_PAGE));
    return adminApi.audit(params);
  };

  // `before` is exclusive and the entries of one transaction share a millisecond, so ask from
  // one millisecond later and drop what is already shown: nothing is skipped at a page boundary.
  // Should a whole page share that millisecond, step past it rather than stall.
  async function loadOlder() {
    const last = entries[entries.length - 1];
    if (!last) return;
    setLoading(true);
    setError(null);
    try {
      const seen = new Set(entries.map((e) => e.id));
      let got = await page(new Date(Date.parse(last.createdAt) + 1).toISOString());
      let fresh = got.filter((e) => !seen.has(e.id));
      if (fresh.length === 0 && got.length >= AUDIT_PAGE) {
        got = await page(last.createdAt);
        fresh = got.filter((e) => !seen.has(e.id));
      }
      setEntries((list) => [...list, ...fresh]);
      setMore(got.length >= AUDIT_PAGE && fresh.length > 0);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  }

  const filtered = Boolean(filters.actor || filters.targetUser || filters.action);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <div className="w-full sm:w-56">
          <select
            aria-label={t("filterByAction")}
            className={cn(inputClass, "h-9 py-0 pr-8")}
            value={filters.action ?? ""}
            onChange={(e) => router.push(auditHref({ ...filters, action: e.target.value || undefined }))}
          >
            <option value="">{t("allActions")}</option>
            {ACTION_OPTIONS.map((g) => (
              <optgroup key={g.group} label={t(`groups.${g.group}`)}>
                {g.options.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {filters.actor && <Chip label={t("byChip", { name: names.actor ?? filters.actor.slice(0, 8) })} href={without("actor")} />}
        {filters.targetUser && (
          <Chip label={t("onChip", { name: names.targetUser ?? filters.targetUser.slice(0, 8) })} href={without("targetUser")} />
        )}
        {filtered && (
          <Button size="sm" variant="ghost" onClick={() => router.push("/admin/audit")}>
            {t("clearFilters")}
          </Button>
        )}
        <span className="flex-1" />
        <Button size="sm" variant="secondary" onClick={() => router.refresh()}>
          {t("refresh")}
        </Button>
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("narrowHint")}</p>
      <Card>
        {entries.length === 0 ? (
          <EmptyState title={filtered ? t("noMatch") : t("nothingYet")}>
            {t("emptyHint")}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {entries.map((e) => (
              <AuditEntryRow key={e.id} entry={e} filterHref={filterHref} />
            ))}
          </ul>
        )}
      </Card>
      {error && <Alert>{error}</Alert>}
      {more && (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={loadOlder} disabled={loading}>
            {loading ? t("loading") : t("loadOlder")}
          </Button>
        </div>
      )}
    </div>
  );
}
