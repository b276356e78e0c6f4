"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Category } from "@/server/dto";
import { cn } from "@/components/ui/cn";
import { ShieldIcon } from "@/components/ui/icons";

function NavLink({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium transition-colors",
        "focus-visible:outline-2 focus-visible:outline-accent-500",
        active
          ? "bg-zinc-900 text-white dark:bg-white dark:text-zinc-900"
          : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
      )}
    >
      {children}
    </Link>
  );
}

export function CategoryNav({ categories, staff }: { categories: Category[]; staff: boolean }) {
  const t = useTranslations("header");
  const path = usePathname();
  return (
    <nav
      aria-label={t("categories")}
      className="-mx-1 flex items-center gap-1 overflow-x-auto px-1 py-1.5 [scrollbar-width:none] max-sm:[mask-image:linear-gradient(to_right,#000_85%,transparent)]"
    >
      <NavLink href="/" active={path === "/"}>
        {t("all")}
      </NavLink>
      {categories.map((c) => (
        <NavLink key={c.id} href={`/c/${c.slug}`} active={path === `/c/${c.slug}`}>
          {c.name}
        </NavLink>
      ))}
      {staff && (
        <>
          <span className="flex-1" />
          <NavLink href="/admin" active={path.startsWith("/admin")}>
            <ShieldIcon className="size-4" />
            {t("admin")}
          </NavLink>
        </>
      )}
    </nav>
  );
}
