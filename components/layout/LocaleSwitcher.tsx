"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { cn } from "@/components/ui/cn";

/** The cookie server/i18n/locales.ts reads (LOCALE_COOKIE); a client module cannot import it. */
const COOKIE = "parley-locale";

function rememberLocale(locale: string) {
  document.cookie = `${COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}

/** One click switches the interface language and keeps the page (the cookie, then a refresh). */
export function LocaleSwitcher({ choices }: { choices: Array<{ locale: string; name: string }> }) {
  const t = useTranslations("common");
  const current = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();

  function choose(locale: string) {
    rememberLocale(locale);
    start(() => router.refresh());
  }

  return (
    <nav aria-label={t("language")} className="flex items-center gap-1">
      {choices.map(({ locale, name }) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          onClick={() => choose(locale)}
          disabled={pending}
          aria-current={current === locale ? "true" : undefined}
          className={cn(
            "rounded px-1.5 py-0.5 hover:underline focus-visible:outline-2 focus-visible:outline-accent-500",
            current === locale && "font-semibold text-zinc-900 dark:text-zinc-100",
          )}
        >
          {name}
        </button>
      ))}
    </nav>
  );
}
