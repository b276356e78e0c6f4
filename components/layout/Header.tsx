import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Category, Viewer } from "@/server/dto";
import { isStaff } from "@/server/dto";
import { Logo } from "@/components/ui/Logo";
import { Avatar } from "@/components/ui/Avatar";
import { RoleBadge } from "@/components/ui/Badge";
import { CategoryNav } from "./CategoryNav";
import { SignedOutLinks, SignOutButton } from "./AuthLinks";
import { NotificationBell } from "./NotificationBell";
import { OnlineIndicator } from "./OnlineIndicator";
import { SearchBox, SearchLink } from "@/components/search/SearchBox";

interface HeaderProps {
  viewer: Viewer | null;
  categories: Category[];
}

/** Who is online and the viewer's notifications come from the stores the root layout started. */
export function Header({ viewer, categories }: HeaderProps) {
  const t = useTranslations("header");
  const ta = useTranslations("a11y");
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/85 backdrop-blur-md dark:border-zinc-800 dark:bg-zinc-950/85">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-1 px-3 sm:gap-3 sm:px-4">
        <Link href="/" aria-label={t("home")} className="rounded-md focus-visible:outline-2 focus-visible:outline-accent-500">
          <Logo />
        </Link>
        <span className="flex-1" />
        <SearchBox />
        <SearchLink />
        <OnlineIndicator />
        {viewer ? (
          <>
            <NotificationBell />
            <Link
              href={`/u/${encodeURIComponent(viewer.username)}`}
              className="flex items-center gap-2 rounded-lg p-1 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-500 sm:pr-2 dark:hover:bg-zinc-800"
            >
              {/* Named by its own text ("Your profile: ada Admin"), which holds everything it shows. */}
              <Avatar username={viewer.username} src={viewer.avatarUrl} size="sm" />
              <span className="sr-only">{ta("yourProfile")}</span>
              <span className="sr-only text-sm font-medium sm:not-sr-only sm:max-w-32 sm:truncate">{viewer.username}</span>
              <span className="hidden sm:inline-flex">
                <RoleBadge role={viewer.role} />
              </span>
            </Link>
            <SignOutButton />
          </>
        ) : (
          <SignedOutLinks />
        )}
      </div>
      <div className="mx-auto max-w-6xl px-4">
        <CategoryNav categories={categories} staff={isStaff(viewer)} />
      </div>
    </header>
  );
}
