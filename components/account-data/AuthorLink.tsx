import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { UserRef } from "@/server/dto";

/** How a member is named on a page: a deleted account is "deleted member", in the reader's language. */
export function useAuthorName() {
  const t = useTranslations("accountData");
  return (u: Pick<UserRef, "username" | "deleted">) => (u.deleted ? t("deletedMember") : u.username);
}

/** A link to the member's profile; a deleted member has none, so their name is plain text. */
export function AuthorLink({ user, className, children }: { user: UserRef; className?: string; children?: ReactNode }) {
  const name = useAuthorName()(user);
  if (user.deleted)
    return (
      <span className={className} data-deleted-member="">
        {children ?? name}
      </span>
    );
  return (
    <Link href={`/u/${encodeURIComponent(user.username)}`} className={className}>
      {children ?? name}
    </Link>
  );
}
