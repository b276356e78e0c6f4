import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The interface languages are the catalogues in messages/: `messages/<locale>.json`, each with
 * its own name under `meta.name`. A third language is one more file (the catalogue test checks
 * it has every key), no code change. A request picks one: the member's own setting, else the
 * locale cookie (set by the language switcher), else the browser's Accept-Language, else English.
 */
export type Locale = string;
export const DEFAULT_LOCALE = "en";
/** The cookie the language switcher sets (a guest's choice, or a member's before sign-in). */
export const LOCALE_COOKIE = "parley-locale";

export const MESSAGES_DIR = path.join(process.cwd(), "messages");

type Catalogue = { meta: { name: string } } & Record<string, unknown>;
const catalogues = new Map<string, Catalogue>();

/** The shipped locales, English first. */
export const LOCALES: readonly Locale[] = readdirSync(MESSAGES_DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -".json".length))
  .sort((a, b) => (a === DEFAULT_LOCALE ? -1 : b === DEFAULT_LOCALE ? 1 : a.localeCompare(b)));

/** A locale's messages, read once per process. */
export function catalogue(locale: Locale): Catalogue {
  let c = catalogues.get(locale);
  if (!c) {
    c = JSON.parse(readFileSync(path.join(MESSAGES_DIR, `${locale}.json`), "utf8")) as Catalogue;
    catalogues.set(locale, c);
  }
  return c;
}

/** Every shipped locale with its own name for itself (for the language switcher). */
export function localeChoices(): Array<{ locale: Locale; name: string }> {
  return LOCALES.map((locale) => ({ locale, name: catalogue(locale).meta.name }));
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && LOCALES.includes(value);
}

/** The best shipped locale for an Accept-Language header (q-values honoured; zh-TW → zh-CN if only that exists). */
export function negotiate(acceptLanguage: string | null | undefined): Locale {
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q[1]) : 1 };
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const exact = LOCALES.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const sameLanguage = LOCALES.find((l) => l.toLowerCase().split("-")[0] === tag.split("-")[0]);
    if (sameLanguage) return sameLanguage;
  }
  return DEFAULT_LOCALE;
}

export function resolveLocale(input: { member?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.member)) return input.member;
  if (isLocale(input.cookie)) return input.cookie;
  return negotiate(input.acceptLanguage);
}
