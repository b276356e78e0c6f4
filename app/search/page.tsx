import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getServices } from "@/server/context";
import { getViewer } from "@/server/auth/viewer";
import { isStaff } from "@/server/dto";
import { isAppError } from "@/server/errors";
import { MAX_QUERY, ZSearchQuery, type SearchPage } from "@/server/search/search.schema";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { Alert, inputClass } from "@/components/ui/Field";
import { buttonClass } from "@/components/ui/Button";
import { SearchResultBody } from "@/components/search/SearchResultItem";
import { resultHref } from "@/components/search/search-api";
import { loadCategories } from "../_components/load";

export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<Params> };
const FIELDS = ["q", "category", "author", "from", "to", "include", "cursor"] as const;

function pick(params: Params): Partial<Record<(typeof FIELDS)[number], string>> {
  const out: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const f of FIELDS) {
    const v = params[f];
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined && s !== "") out[f] = s;
  }
  return out;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("search");
  const { q } = pick(await searchParams);
  return { title: q ? t("resultsFor", { query: q.slice(0, 80) }) : t("title"), robots: { index: false } };
}

type Outcome = { page: SearchPage } | { error: "tooLong" | "invalid" | "rateLimited" | "forbidden" | "unavailable" } | null;

/** The query lives in the address (`/search?q=…&category=…`), so a search is a link to share. */
export default async function SearchPage({ searchParams }: Props) {
  const t = await getTranslations("search");
  const input = pick(await searchParams);
  const [viewer, categories] = await Promise.all([getViewer(), loadCategories()]);
  const staff = isStaff(viewer);

  let outcome: Outcome = null;
  if (input.q?.trim()) {
    const parsed = ZSearchQuery.safeParse({ ...input, limit: 20 });
    if (!parsed.success) outcome = { error: parsed.error.issues.some((i) => i.path[0] === "q") ? "tooLong" : "invalid" };
    else {
      try {
        outcome = { page: await getServices().search.search(viewer, parsed.data) };
      } catch (err) {
        if (!isAppError(err)) throw err;
        const byCode: Record<string, "rateLimited" | "forbidden" | "invalid"> = {
          RATE_LIMITED: "rateLimited",
          FORBIDDEN: "forbidden",
          VALIDATION_FAILED: "invalid",
        };
        outcome = { error: byCode[err.code] ?? "unavailable" };
      }
    }
  }

  const linkWith = (cursor?: string) => {
    const params = new URLSearchParams(Object.entries({ ...input, cursor }).filter((e): e is [string, string] => !!e[1]));
    return `/search?${params}`;
  };
  const labelClass = "mb-1.5 block text-sm font-medium text-zinc-800 dark:text-zinc-200";

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-zinc-900 sm:text-3xl dark:text-white">
          {input.q ? t("resultsFor", { query: input.q }) : t("heading")}
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      </div>

      <Card className="p-4 sm:p-5">
        <form action="/search" method="get" role="search" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6">
          <div className="sm:col-span-2 lg:col-span-6">
            <label htmlFor="search-q" className={labelClass}>
              {t("query")}
            </label>
            <div className="flex gap-2">
              <input
                id="search-q"
                name="q"
                type="search"
                defaultValue={input.q ?? ""}
                maxLength={MAX_QUERY}
                placeholder={t("placeholder")}
                className={inputClass}
                autoFocus={!input.q}
              />
              <button type="submit" className={buttonClass("primary")}>
                {t("submit")}
              </button>
            </div>
          </div>
          <div className="lg:col-span-2">
            <label htmlFor="search-category" className={labelClass}>
              {t("category")}
            </label>
            <select id="search-category" name="category" defaultValue={input.category ?? ""} className={inputClass}>
              <option value="">{t("anyCategory")}</option>
              {categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="lg:col-span-2">
            <label htmlFor="search-author" className={labelClass}>
              {t("author")}
            </label>
            <input id="search-author" name="author" defaultValue={input.author ?? ""} placeholder={t("authorPlaceholder")} className={inputClass} />
          </div>
          <div>
            <label htmlFor="search-from" className={labelClass}>
              {t("from")}
            </label>
            <input id="search-from" name="from" type="date" defaultValue={input.from ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="search-to" className={labelClass}>
              {t("to")}
            </label>
            <input id="search-to" name="to" type="date" defaultValue={input.to ?? ""} className={inputClass} />
          </div>
          {staff && (
            <label className="flex items-center gap-2 text-sm text-zinc-700 sm:col-span-2 lg:col-span-6 dark:text-zinc-300">
              <input type="checkbox" name="include" value="deleted" defaultChecked={input.include === "deleted"} className="size-4 accent-accent-600" />
              {t("includeDeleted")}
            </label>
          )}
        </form>
      </Card>

      {outcome && "error" in outcome && <Alert tone={outcome.error === "rateLimited" ? "amber" : "red"}>{t(outcome.error, { max: MAX_QUERY })}</Alert>}

      {outcome && "page" in outcome && (
        <Card>
          {outcome.page.results.length === 0 ? (
            <EmptyState title={t("emptyTitle")}>{t("emptyHint")}</EmptyState>
          ) : (
            <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label={t("suggestions")}>
              {outcome.page.results.map((r) => (
                <li key={`${r.type}:${r.comment?.id ?? r.post.id}`}>
                  <Link
                    href={resultHref(r)}
                    className="block px-4 py-3.5 transition-colors hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-500 sm:px-5 dark:hover:bg-zinc-800/40"
                  >
                    <SearchResultBody result={r} />
                  </Link>
                </li>
              ))}
            </ol>
          )}
          {(input.cursor || outcome.page.nextCursor) && (
            <div className="flex flex-wrap justify-between gap-2 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
              {input.cursor ? (
                <Link href={linkWith(undefined)} className={buttonClass("ghost", "sm")}>
                  {t("first")}
                </Link>
              ) : (
                <span />
              )}
              {outcome.page.nextCursor && (
                <Link href={linkWith(outcome.page.nextCursor)} className={buttonClass("secondary", "sm")} rel="next">
                  {t("more")}
                </Link>
              )}
            </div>
          )}
        </Card>
      )}

      {!outcome && (
        <Card>
          <EmptyState title={t("startTitle")}>{t("startHint")}</EmptyState>
        </Card>
      )}
    </div>
  );
}
