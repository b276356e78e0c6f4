// Plain functions over Intl, usable from server and client components alike: the caller passes
// the active locale (useLocale() / getLocale()), so dates read naturally in every language.
export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "5 minutes ago" / "5分钟前", "yesterday" / "昨天"; a date after a week. Under 45 s it is
 * `null`: the caller says "just now" from its catalogue (Intl has no such phrase).
 */
export function formatRelative(iso: string, locale: string, now = Date.now()): string | null {
  const t = Date.parse(iso);
  const diff = now - t;
  if (diff < 45_000) return null;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (diff < HOUR) return rtf.format(-Math.max(1, Math.round(diff / MINUTE)), "minute");
  if (diff < DAY) return rtf.format(-Math.round(diff / HOUR), "hour");
  if (diff < 7 * DAY) return rtf.format(-Math.round(diff / DAY), "day");
  const d = new Date(t);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  return d.toLocaleDateString(locale, { month: "short", day: "numeric", ...(sameYear ? {} : { year: "numeric" }) });
}

/** A calendar date: "December 1, 2026" / "2026年12月1日". */
export function formatDate(iso: string, locale: string): string {
  return new Date(iso).toLocaleDateString(locale, { year: "numeric", month: "long", day: "numeric" });
}

/** A full date and time, for tooltips. */
export function formatDateTime(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
}
