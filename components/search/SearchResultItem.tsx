import { useFormatter, useTranslations } from "next-intl";
import type { SearchResult } from "@/server/search/search.schema";
import { cn } from "@/components/ui/cn";
import { useAuthorName } from "@/components/account-data/AuthorLink";

/** How hits look inside titles and snippets, light and dark. */
export const markClass =
  "[&_mark]:rounded-sm [&_mark]:bg-amber-200/80 [&_mark]:px-px [&_mark]:text-inherit dark:[&_mark]:bg-amber-400/25 dark:[&_mark]:text-amber-100";

/**
 * One hit: the post's title and the snippet, both from the server as escaped text whose only
 * markup is <mark> (server/search/snippet.ts), then where and when. Used by the /search page and
 * the header's dropdown (`compact`).
 */
export function SearchResultBody({ result, compact = false }: { result: SearchResult; compact?: boolean }) {
  const t = useTranslations("search");
  const authorName = useAuthorName();
  const format = useFormatter();
  return (
    <>
      <span
        className={cn("block font-medium text-zinc-900 dark:text-zinc-100", markClass, compact ? "truncate text-sm" : "text-base")}
        dangerouslySetInnerHTML={{ __html: result.titleHtml }}
      />
      <span
        className={cn(
          "mt-0.5 block text-zinc-600 dark:text-zinc-400",
          markClass,
          compact ? "line-clamp-2 text-xs" : "line-clamp-3 text-sm",
        )}
        dangerouslySetInnerHTML={{ __html: result.snippetHtml }}
      />
      <span className="mt-1 flex flex-wrap items-center gap-x-1.5 text-xs text-zinc-500 dark:text-zinc-400">
        <span className="font-medium text-accent-700 dark:text-accent-400">
          {result.comment ? t("comment", { seq: result.comment.seq }) : t("post")}
        </span>
        <span aria-hidden="true">·</span>
        <span>{result.post.category.name}</span>
        <span aria-hidden="true">·</span>
        <span>{t("by", { author: authorName(result.author) })}</span>
        <span aria-hidden="true">·</span>
        <time dateTime={result.createdAt}>{format.dateTime(new Date(result.createdAt), { dateStyle: "medium" })}</time>
        {result.hidden && <span className="rounded bg-amber-100 px-1.5 text-amber-800 dark:bg-amber-950 dark:text-amber-300">{t("hidden")}</span>}
        {result.deleted && <span className="rounded bg-red-100 px-1.5 text-red-800 dark:bg-red-950 dark:text-red-300">{t("deleted")}</span>}
      </span>
    </>
  );
}
