"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { cn } from "@/components/ui/cn";
import { chooseLocale } from "@/components/settings/locale";

/**
 * One click switches the interface language and keeps the page: the cookie, for a member also
 * their account (so it follows them to other devices), then a refresh.
 */
export function LocaleSwitcher({ choices, member }: { choices: Array<{ locale: string; name: string }>; member: boolean }) {
  const t = useTranslations("common");
  const current = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();

  function choose(locale: string) {
    start(async () => {
      // A failed save to the account still switches this browser (the cookie is already set).
      await chooseLocale(locale, member).catch(() => undefined);
      router.refresh();
    });
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
