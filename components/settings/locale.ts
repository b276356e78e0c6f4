import { call } from "@/components/api";

/** The cookie server/i18n/locales.ts reads (LOCALE_COOKIE); a client module cannot import it. */
const COOKIE = "parley-locale";

/**
 * Switches the interface language: the cookie for this browser (guests, and the sign-in page
 * after signing out), and for a member also their account, so the choice follows them to
 * every other device. Resolves once both are stored; the caller then refreshes the page.
 */
export async function chooseLocale(locale: string, member: boolean): Promise<void> {
  document.cookie = `${COOKIE}=${encodeURIComponent(locale)}; path=/; max-age=31536000; samesite=lax`;
  if (member) await call("PATCH /api/v1/me", { body: { locale } });
}
