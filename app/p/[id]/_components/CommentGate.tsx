import Link from "next/link";
import type { Me } from "@/components/posts/me";
import { LockIcon } from "@/components/ui/icons";

/** Where the composer would be, for those who cannot comment: says why and what to do. */
export function CommentGate({ locked, me, postId }: { locked: boolean; me: Me | null; postId: string }) {
  const box =
    "flex items-center justify-center gap-2 rounded-xl border border-zinc-200 bg-white px-4 py-5 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400";
  if (locked)
    return (
      <div className={box} role="status">
        <LockIcon className="size-4 shrink-0 text-amber-600 dark:text-amber-400" />
        <span>
          <strong className="font-semibold text-zinc-900 dark:text-zinc-100">This post is locked.</strong> New comments are closed.
        </span>
      </div>
    );
  if (me?.banned) return <div className={box}>Your account is suspended, so you cannot comment.</div>;
  const back = encodeURIComponent(`/p/${postId}`);
  return (
    <div className={box}>
      <span>
        <Link href={`/signin?callbackUrl=${back}`} className="font-semibold text-accent-700 hover:underline dark:text-accent-400">
          Sign in
        </Link>{" "}
        or{" "}
        <Link href={`/register?callbackUrl=${back}`} className="font-semibold text-accent-700 hover:underline dark:text-accent-400">
          create an account
        </Link>{" "}
        to join the conversation.
      </span>
    </div>
  );
}
