import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getViewer } from "../auth/viewer";
import { catalogue, LOCALE_COOKIE, resolveLocale } from "./locales";

/** next-intl's per-request configuration: the locale (see locales.ts) and its catalogue. */
export default getRequestConfig(async () => {
  const [viewer, jar, head] = await Promise.all([getViewer(), cookies(), headers()]);
  const locale = resolveLocale({
    member: viewer?.locale,
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: head.get("accept-language"),
  });
  return { locale, messages: catalogue(locale) as never };
});
