// Plain functions over Intl, usable from server and client components alike: the caller passes
// the active locale (useLocale() / getLocale()), so dates read naturally in every language.
export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * One Intl formatter per locale and style, made on first use: building one costs far more
 * than formatting with it (a page of comments formatted each date with a new one, a tenth of
 * its render time). Locales are the few the interface speaks, so the cache stays small.
 */
function cached<F>(make: (locale: string) => F): (locale: string) => F {
  const byLocale = new Map<string, F>();
  return (locale) => {
    let f = byLocale.get(locale);
    if (!f) byLocale.set(locale, (f = make(locale)));
    return f;
  };
}

const relative = cached((locale) => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
const monthDay = cached((locale) => new Intl.DateTimeFormat(locale, { month: "short", day: "numeric" }));
const monthDayYear = cached((locale) => new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", year: "numeric" }));
const calendarDate = cached((locale) => new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric" }));
const dateTime = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }));

/**
 * "5 minutes ago" / "5分钟前", "yesterday" / "昨天"; a date after a week. Under 45 s it is
 * `null`: the caller says "just now" from its catalogue (Intl has no such phrase).
 */
export function formatRelative(iso: string, locale: string, now = Date.now()): string | null {
  const t = Date.parse(iso);
  const diff = now - t;
  if (diff < 45_000) return null;
  if (diff < HOUR) return relative(locale).format(-Math.max(1, Math.round(diff / MINUTE)), "minute");
  if (diff < DAY) return relative(locale).format(-Math.round(diff / HOUR), "hour");
  if (diff < 7 * DAY) return relative(locale).format(-Math.round(diff / DAY), "day");
  const d = new Date(t);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  return (sameYear ? monthDay : monthDayYear)(locale).format(d);
}

/** A calendar date: "December 1, 2026" / "2026年12月1日". */
export function formatDate(iso: string, locale: string): string {
  return calendarDate(locale).format(new Date(iso));
}

/** A full date and time, for tooltips. */
export function formatDateTime(iso: string, locale: string): string {
  return dateTime(locale).format(new Date(iso));
}
