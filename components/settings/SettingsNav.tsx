"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const LINKS = [
  { href: "/settings", key: "profile" },
  { href: "/settings/security", key: "security" },
  { href: "/settings/account", key: "data" },
] as const;

/** The settings pages' own navigation: tabs on a phone, a column beside the page on a desktop. */
export function SettingsNav() {
  const t = useTranslations("settings.nav");
  const path = usePathname();
  return (
    <nav aria-label={t("label")} className="-mx-4 overflow-x-auto px-4 md:mx-0 md:px-0">
      <ul className="flex gap-1 md:flex-col">
        {LINKS.map(({ href, key }) => {
          const current = path === href;
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-accent-500",
                  current
                    ? "bg-accent-50 text-accent-700 dark:bg-accent-500/10 dark:text-accent-300"
                    : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
                )}
              >
                {t(key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
