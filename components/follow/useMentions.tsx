"use client";
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { useTranslations } from "next-intl";
import type { UserRef } from "@/server/dto";
import { call } from "@/components/api";
import { Avatar } from "@/components/ui/Avatar";
import { cn } from "@/components/ui/cn";

/** `@prefix` right before the caret (the same characters a username may have). */
const TYPING_MENTION = /(^|[^\w@])@([A-Za-z0-9_-]{1,32})$/;
const LOOKUP_AFTER_MS = 150;

/**
 * @mention autocomplete for a textarea, as an ARIA combobox: typing `@al` lists members whose
 * username starts with "al" (GET /api/v1/users?prefix=); ArrowUp/ArrowDown move, Enter or Tab
 * inserts `@username `, Escape closes. Returns the textarea's extra props, its key handler
 * (true when it used the key) and the listbox to render under it.
 */
export function useMentions(id: string, value: string, onChange: (v: string) => void, textarea: RefObject<HTMLTextAreaElement | null>) {
  const t = useTranslations("follow");
  const [query, setQuery] = useState<{ start: number; prefix: string } | null>(null);
  const [users, setUsers] = useState<UserRef[]>([]);
  const [active, setActive] = useState(0);
  const asked = useRef(0);
  const listId = `${id}-mentions`;

  function detect() {
    const el = textarea.current;
    if (!el || el.selectionStart !== el.selectionEnd) return setQuery(null);
    const m = TYPING_MENTION.exec(el.value.slice(0, el.selectionStart));
    setQuery(m ? { start: el.selectionStart - m[2].length, prefix: m[2] } : null);
  }

  const prefix = query?.prefix ?? null;
  useEffect(() => {
    if (prefix === null) return;
    const ticket = ++asked.current;
    const timer = setTimeout(() => {
      call("GET /api/v1/users", { query: { prefix, limit: 8 } })
        .then((res) => {
          // A later keystroke asked again: this answer is stale.
          if (ticket !== asked.current) return;
          setUsers(res.users);
          setActive(0);
        })
        .catch(() => ticket === asked.current && setUsers([]));
    }, LOOKUP_AFTER_MS);
    return () => clearTimeout(timer);
  }, [prefix]);

  // Answers for an earlier prefix may still be here: show only those that fit what is typed now.
  const shown = prefix === null ? [] : users.filter((u) => u.username.toLowerCase().startsWith(prefix.toLowerCase()));
  const open = shown.length > 0;

  function pick(user: UserRef) {
    if (!query) return;
    const el = textarea.current;
    const end = el?.selectionStart ?? query.start + query.prefix.length;
    const inserted = `@${user.username} `;
    const next = value.slice(0, query.start - 1) + inserted + value.slice(end);
    onChange(next);
    setQuery(null);
    const caret = query.start - 1 + inserted.length;
    requestAnimationFrame(() => el?.setSelectionRange(caret, caret));
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open) return false;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (a + (e.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length);
      return true;
    }
    if ((e.key === "Enter" && !e.metaKey && !e.ctrlKey) || e.key === "Tab") {
      e.preventDefault();
      pick(shown[Math.min(active, shown.length - 1)]);
      return true;
    }
    if (e.key === "Escape") {
      e.preventDefault();
      setQuery(null);
      return true;
    }
    return false;
  }

  const optionId = (i: number) => `${listId}-${i}`;
  return {
    onKeyDown,
    /** Call after every input and caret move. */
    detect,
    close: () => setQuery(null),
    inputProps: {
      role: "combobox" as const,
      "aria-autocomplete": "list" as const,
      "aria-expanded": open,
      "aria-controls": listId,
      "aria-activedescendant": open ? optionId(Math.min(active, shown.length - 1)) : undefined,
    },
    listbox: (
      <ul
        id={listId}
        role="listbox"
        aria-label={t("mentionSuggestions")}
        hidden={!open}
        className="absolute inset-x-0 top-full z-30 mt-1 max-h-64 overflow-y-auto rounded-xl border border-zinc-200 bg-white p-1 shadow-xl sm:right-auto sm:w-72 dark:border-zinc-800 dark:bg-zinc-900"
      >
        {open &&
          shown.map((u, i) => (
            <li
              key={u.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === Math.min(active, shown.length - 1)}
              onMouseDown={(e) => {
                e.preventDefault(); // keep the textarea's focus and caret
                pick(u);
              }}
              onMouseEnter={() => setActive(i)}
              className={cn(
                "flex cursor-pointer items-center gap-2 rounded-lg px-2.5 py-1.5 text-sm text-zinc-800 dark:text-zinc-200",
                i === Math.min(active, shown.length - 1) && "bg-accent-50 text-accent-800 dark:bg-accent-950/60 dark:text-accent-200",
              )}
            >
              <Avatar username={u.username} src={u.avatarUrl} size="sm" />
              <span className="truncate font-medium">@{u.username}</span>
            </li>
          ))}
      </ul>
    ),
  };
}
