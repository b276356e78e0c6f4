"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Me } from "@/components/posts/me";
import { useShellLayer } from "@/components/personal/layer";
import { Avatar } from "@/components/ui/Avatar";
import { RoleBadge } from "@/components/ui/Badge";
import { SignOutButton } from "./AuthLinks";

/**
 * The signed-in member's corner of the header: their profile link and sign-out. On a member
 * shell (`shell`) the member is known once the page's layer is read; until then (before the
 * page hydrates) a placeholder of the same size holds the place.
 */
export function MemberLinks({ me: rendered, shell }: { me: Me; shell: boolean }) {
  const ta = useTranslations("a11y");
  const me = useShellLayer(shell)?.me ?? rendered;
  return (
    <>
      {me.id ? (
        <Link
          href={`/u/${encodeURIComponent(me.username)}`}
          className="flex items-center gap-2 rounded-lg p-1 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-500 sm:pr-2 dark:hover:bg-zinc-800"
        >
          {/* Named by its own text ("Your profile: ada Admin"), which holds everything it shows. */}
          <Avatar username={me.username} src={me.avatarUrl} size="sm" />
          <span className="sr-only">{ta("yourProfile")}</span>
          <span className="sr-only text-sm font-medium sm:not-sr-only sm:max-w-32 sm:truncate">{me.username}</span>
          <span className="hidden sm:inline-flex">
            <RoleBadge role={me.role} />
          </span>
        </Link>
      ) : (
        <span aria-hidden className="flex items-center gap-2 p-1 sm:pr-2">
          <span className="size-7 rounded-full bg-zinc-200 dark:bg-zinc-800" />
          <span className="hidden h-3 w-16 rounded bg-zinc-200 sm:inline-block dark:bg-zinc-800" />
        </span>
      )}
      <SignOutButton />
    </>
  );
}
