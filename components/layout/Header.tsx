import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Category, Viewer } from "@/server/dto";
import { isStaff } from "@/server/dto";
import { Logo } from "@/components/ui/Logo";
import { meOf, SHELL_ME } from "@/server/personal/layer";
import { CategoryNav } from "./CategoryNav";
import { SignedOutLinks } from "./AuthLinks";
import { MemberLinks } from "./MemberLinks";
import { NotificationBell } from "./NotificationBell";
import { OnlineIndicator } from "./OnlineIndicator";
import { SearchBox, SearchLink } from "@/components/search/SearchBox";

interface HeaderProps {
  viewer: Viewer | null;
  categories: Category[];
  /** The page for members in general (no viewer yet): see server/auth/viewer.ts. */
  shell: boolean;
}

/** Who is online and the viewer's notifications come from the stores the root layout started. */
export function Header({ viewer, categories, shell }: HeaderProps) {
  const t = useTranslations("header");
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
        {viewer || shell ? (
          <>
            <NotificationBell />
            <MemberLinks me={viewer ? meOf(viewer) : SHELL_ME} shell={shell} />
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
