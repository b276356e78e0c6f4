"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ComponentType, SVGProps } from "react";
import { cn } from "@/components/ui/cn";
import { FlagIcon } from "@/components/ui/icons";
import { GaugeIcon, ScrollIcon, UsersIcon } from "./icons";
import { useStaffStore } from "./StaffStoreProvider";

/** Each tab's label is `admin.nav.<key>` in the catalogue. */
const TABS: Array<{ href: string; key: "overview" | "reports" | "users" | "audit"; icon: ComponentType<SVGProps<SVGSVGElement>> }> = [
  { href: "/admin", key: "overview", icon: GaugeIcon },
  { href: "/admin/reports", key: "reports", icon: FlagIcon },
  { href: "/admin/users", key: "users", icon: UsersIcon },
  { href: "/admin/audit", key: "audit", icon: ScrollIcon },
];

/** The dashboard's tabs: a row on phones, a sidebar from `lg`; Reports carries the live open count. */
export function AdminNav() {
  const t = useTranslations("admin.nav");
  const path = usePathname();
  const open = useStaffStore((s) => s.stats.openReports);
  return (
    <nav
      aria-label={t("label")}
      className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1 [scrollbar-width:none] lg:flex-col lg:overflow-visible"
    >
      {TABS.map(({ href, key, icon: Icon }) => {
        const active = href === "/admin" ? path === href : path.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "inline-flex h-9 shrink-0 items-center gap-2 rounded-lg px-3 text-sm font-medium transition-colors",
              "focus-visible:outline-2 focus-visible:outline-accent-500",
              active
                ? "bg-zinc-900 text-white dark:bg-white dark:text-zinc-900"
                : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
            )}
          >
            <Icon className="size-4" />
            <span className="flex-1">{t(key)}</span>
            {href === "/admin/reports" && open > 0 && (
              <span
                aria-label={t("openCount", { count: open })}
                className="min-w-5 rounded-full bg-amber-500 px-1.5 text-center text-xs leading-5 font-semibold text-white tabular-nums"
              >
                {open}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
