import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Me } from "@/components/posts/me";
import { LockIcon } from "@/components/ui/icons";

/** Where the composer would be, for those who cannot comment: says why and what to do. */
export function CommentGate({ locked, me, postId }: { locked: boolean; me: Me | null; postId: string }) {
  const t = useTranslations("thread");
  const box =
    "flex items-center justify-center gap-2 rounded-xl border border-zinc-200 bg-white px-4 py-5 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400";
  if (locked)
    return (
      <div className={box} role="status">
        <LockIcon className="size-4 shrink-0 text-amber-600 dark:text-amber-400" />
        <span>
          {t.rich("locked", { strong: (chunks) => <strong className="font-semibold text-zinc-900 dark:text-zinc-100">{chunks}</strong> })}
        </span>
      </div>
    );
  if (me?.banned) return <div className={box}>{t("bannedNoComment")}</div>;
  const back = encodeURIComponent(`/p/${postId}`);
  return (
    <div className={box}>
      <span>
        {t.rich("join", {
          signin: (chunks) => (
            <Link href={`/signin?callbackUrl=${back}`} className="font-semibold text-accent-700 hover:underline dark:text-accent-400">
              {chunks}
            </Link>
          ),
          register: (chunks) => (
            <Link href={`/register?callbackUrl=${back}`} className="font-semibold text-accent-700 hover:underline dark:text-accent-400">
              {chunks}
            </Link>
          ),
        })}
      </span>
    </div>
  );
}
