import type { SearchPage, SearchResult } from "@/server/search/search.schema";
import { ApiError } from "@/components/api";

/** Where a result opens: the post, or the comment within it (the thread highlights `#comment-…`). */
export function resultHref(r: SearchResult): string {
  return r.comment ? `/p/${r.post.id}#comment-${r.comment.id}` : `/p/${r.post.id}`;
}

/** The address of the search page for a query (what "see all" and Enter open). */
export function searchPageHref(q: string): string {
  return `/search?${new URLSearchParams({ q })}`;
}

/**
 * GET /api/v1/search with an AbortSignal, so a keystroke can cancel the request it supersedes
 * (components/api.ts `call` has no signal). Aborts reject with the DOM's AbortError.
 */
export async function searchRequest(q: string, limit: number, signal: AbortSignal): Promise<SearchPage> {
  const res = await fetch(`/api/v1/search?${new URLSearchParams({ q, limit: String(limit) })}`, {
    signal,
    credentials: "same-origin",
    cache: "no-store",
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? "INTERNAL", data?.error?.message ?? res.statusText);
  return data as SearchPage;
}
