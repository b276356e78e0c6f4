import { useLocale, useTranslations } from "next-intl";

/** One value of an audit entry's before/after, compact: ISO instants as dates, null as a dash. */
function show(v: unknown, locale: string): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v)) return new Date(v).toLocaleString(locale, { dateStyle: "medium" });
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** `field: before → after` for every field either side mentions. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useTranslations("admin.audit");
  const locale = useLocale();
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (keys.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 font-mono text-xs text-zinc-600 dark:text-zinc-400">
      {keys.map((k) => (
        <li key={k} className="break-all">
          <span className="text-zinc-400 dark:text-zinc-500">{k}:</span>{" "}
          {k in b && (
            <span className="text-red-700 line-through decoration-red-300 dark:text-red-400 dark:decoration-red-800">{show(b[k], locale)}</span>
          )}
          {k in b && k in a && <span aria-label={t("changedTo")}> → </span>}
          {k in a && <span className="text-emerald-700 dark:text-emerald-400">{show(a[k], locale)}</span>}
        </li>
      ))}
    </ul>
  );
}
