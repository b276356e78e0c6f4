"use client";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { SearchResult } from "@/server/search/search.schema";
import { ApiError } from "@/components/api";
import { cn } from "@/components/ui/cn";
import { Icon } from "@/components/ui/icons";
import { SearchResultBody } from "./SearchResultItem";
import { resultHref, searchPageHref, searchRequest } from "./search-api";

const DEBOUNCE_MS = 200;
const SUGGESTIONS = 6;
const MAX_QUERY = 200;

export const SearchIcon = (p: React.SVGProps<SVGSVGElement>) => (
  <Icon {...p}>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-3.5-3.5" />
  </Icon>
);

type State =
  | { kind: "idle" }
  | { kind: "loading"; results: SearchResult[] }
  | { kind: "done"; results: SearchResult[] }
  | { kind: "error"; message: "unavailable" | "rateLimited" };

/** Typing in an input, a textarea or an editor: "/" is a character there, not the shortcut. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/**
 * The header's search: an ARIA 1.2 combobox whose listbox shows results as you type (debounced;
 * each keystroke aborts the request it supersedes), arrows to move, Enter to open, Escape to
 * close, and "/" anywhere on the page to get here.
 */
export function SearchBox() {
  const t = useTranslations("search");
  const router = useRouter();
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<State>({ kind: "idle" });

  useEffect(() => {
    function onKey(e: globalThis.KeyboardEvent) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Nothing outlives the header: a pending keystroke's timer and request end with it.
  useEffect(
    () => () => {
      clearTimeout(timerRef.current);
      abortRef.current?.abort();
    },
    [],
  );

  /** Each keystroke supersedes the last: its timer is cleared and its request aborted. */
  function schedule(value: string) {
    clearTimeout(timerRef.current);
    abortRef.current?.abort();
    const query = value.trim();
    if (!query) {
      setState({ kind: "idle" });
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setState((s) => ({ kind: "loading", results: s.kind === "done" || s.kind === "loading" ? s.results : [] }));
    timerRef.current = setTimeout(() => {
      searchRequest(query, SUGGESTIONS, controller.signal)
        .then((page) => {
          if (controller.signal.aborted) return;
          setState({ kind: "done", results: page.results });
          setActive(-1);
        })
        .catch((err: unknown) => {
          if (controller.signal.aborted) return; // superseded by a newer keystroke
          setState({ kind: "error", message: err instanceof ApiError && err.code === "RATE_LIMITED" ? "rateLimited" : "unavailable" });
        });
    }, DEBOUNCE_MS);
  }

  const results = state.kind === "done" || state.kind === "loading" ? state.results : [];
  // The options: each result, then "see all results".
  const count = q.trim() ? results.length + 1 : 0;
  const expanded = open && q.trim().length > 0;

  const close = useCallback(() => {
    setOpen(false);
    setActive(-1);
  }, []);

  function go(index: number) {
    const query = q.trim();
    if (!query) return;
    close();
    inputRef.current?.blur();
    router.push(index >= 0 && index < results.length ? resultHref(results[index]) : searchPageHref(query));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!count) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => {
        const next = a + step;
        return next < -1 ? count - 1 : next >= count ? -1 : next;
      });
    } else if (e.key === "Enter") {
      e.preventDefault();
      go(active);
    } else if (e.key === "Escape") {
      if (expanded) {
        e.preventDefault();
        close();
      } else inputRef.current?.blur();
    }
  }

  const optionId = (i: number) => `${id}-opt-${i}`;
  const optionClass = (i: number) =>
    cn(
      "block w-full px-3 py-2 text-left transition-colors",
      i === active ? "bg-accent-50 dark:bg-zinc-800" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/60",
    );

  return (
    <div className="relative hidden w-44 sm:block md:w-64 lg:w-80" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && close()}>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400" />
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label={t("label")}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-keyshortcuts="/"
        placeholder={t("placeholder")}
        title={t("shortcut")}
        maxLength={MAX_QUERY}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
          schedule(e.target.value);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        className="block h-9 w-full rounded-lg border border-zinc-200 bg-zinc-50 pr-8 pl-8 text-sm text-zinc-900 placeholder:text-zinc-400 focus:border-accent-500 focus:bg-white focus:ring-1 focus:ring-accent-500 focus:outline-none dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:focus:bg-zinc-900 [&::-webkit-search-cancel-button]:hidden"
      />
      {!q && (
        <kbd
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-zinc-300 px-1.5 font-sans text-[0.7rem] text-zinc-400 dark:border-zinc-700"
        >
          /
        </kbd>
      )}
      <div
        className={cn(
          "absolute right-0 z-40 mt-1.5 w-[min(28rem,calc(100vw-2rem))] overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-lg dark:border-zinc-800 dark:bg-zinc-900",
          !expanded && "hidden",
        )}
      >
        <ul id={listId} role="listbox" aria-label={t("suggestions")} className="max-h-[70vh] divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800">
          {results.map((r, i) => (
            <li key={`${r.type}:${r.comment?.id ?? r.post.id}`} id={optionId(i)} role="option" aria-selected={i === active}>
              <Link
                href={resultHref(r)}
                tabIndex={-1}
                className={optionClass(i)}
                onMouseEnter={() => setActive(i)}
                onClick={(e) => {
                  e.preventDefault();
                  go(i);
                }}
              >
                <SearchResultBody result={r} compact />
              </Link>
            </li>
          ))}
          {q.trim() && (
            <li id={optionId(results.length)} role="option" aria-selected={active === results.length}>
              <Link
                href={searchPageHref(q.trim())}
                tabIndex={-1}
                className={cn(optionClass(results.length), "text-sm font-medium text-accent-700 dark:text-accent-400")}
                onMouseEnter={() => setActive(results.length)}
                onClick={(e) => {
                  e.preventDefault();
                  go(results.length);
                }}
              >
                {t("seeAll", { query: q.trim() })}
              </Link>
            </li>
          )}
        </ul>
        <p role="status" aria-live="polite" className={cn("px-3 py-2 text-xs text-zinc-500 dark:text-zinc-400", state.kind === "done" && results.length > 0 && "sr-only")}>
          {state.kind === "loading"
            ? t("searching")
            : state.kind === "error"
              ? t(state.message)
              : state.kind === "done" && results.length === 0
                ? t("noResults", { query: q.trim() })
                : ""}
        </p>
      </div>
    </div>
  );
}

/** Phones: the header has no room for the box, so a link to the search page. */
export function SearchLink() {
  const t = useTranslations("search");
  return (
    <Link
      href="/search"
      aria-label={t("open")}
      className="rounded-lg p-2 text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-500 sm:hidden dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <SearchIcon className="size-5" />
    </Link>
  );
}
