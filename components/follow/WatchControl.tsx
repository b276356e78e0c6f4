"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { WatchLevel } from "@/server/dto";
import { call } from "@/components/api";
import { useShellLayer } from "@/components/personal/layer";
import { BellIcon, EyeIcon } from "@/components/ui/icons";
import { BellOffIcon } from "./icons";
import { cn } from "@/components/ui/cn";

type Target = { kind: "post"; id: string } | { kind: "category"; slug: string };
const LEVELS: WatchLevel[] = ["watching", "normal", "muted"];

function LevelIcon({ level, className }: { level: WatchLevel; className?: string }) {
  if (level === "watching") return <EyeIcon className={className} />;
  if (level === "muted") return <BellOffIcon className={className} />;
  return <BellIcon className={className} />;
}

/**
 * The member's watch level on a post or a category: a button showing the level, opening a
 * menu of the three (arrow keys move, Escape closes). The change is sent at once and undone
 * if the server refuses it.
 */
export function WatchControl({ target, level: initial }: { target: Target; level: WatchLevel }) {
  const t = useTranslations("follow.watch");
  const [level, setLevel] = useState(initial);
  // A new answer from the server (a member shell's layer, a refresh) replaces the one held.
  const [given, setGiven] = useState(initial);
  if (given !== initial) {
    setGiven(initial);
    setLevel(initial);
  }
  const [open, setOpen] = useState(false);
  const [error, setError] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    items.current[LEVELS.indexOf(level)]?.focus();
    const onDown = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- focus the current level when the menu opens
  }, [open]);

  async function choose(next: WatchLevel) {
    setOpen(false);
    root.current?.querySelector<HTMLButtonElement>("button")?.focus();
    if (next === level) return;
    const before = level;
    setLevel(next);
    setError(false);
    try {
      const body = { level: next };
      if (target.kind === "post") await call("PUT /api/v1/posts/{id}/watch", { params: { id: target.id }, body });
      else await call("PUT /api/v1/categories/{slug}/watch", { params: { slug: target.slug }, body });
    } catch {
      setLevel(before);
      setError(true);
    }
  }

  function onMenuKey(e: React.KeyboardEvent) {
    const at = items.current.findIndex((el) => el === document.activeElement);
    const move = (to: number) => {
      e.preventDefault();
      items.current[(to + LEVELS.length) % LEVELS.length]?.focus();
    };
    if (e.key === "ArrowDown") move(at + 1);
    else if (e.key === "ArrowUp") move(at - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(LEVELS.length - 1);
    else if (e.key === "Escape" || e.key === "Tab") {
      setOpen(false);
      if (e.key === "Escape") root.current?.querySelector<HTMLButtonElement>("button")?.focus();
    }
  }

  const hint = (l: WatchLevel) =>
    l === "normal" ? t("normalHint") : t(`${l}${target.kind === "post" ? "Post" : "Category"}` as "watchingPost");

  return (
    <div ref={root} className="relative inline-block">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`${t("label", { target: target.kind })}: ${t(level)}`}
        data-testid="watch-control"
        onClick={() => setOpen(!open)}
        className={cn(
          "inline-flex h-8 items-center gap-1.5 rounded-lg border px-2.5 text-sm font-medium shadow-xs transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500",
          level === "watching"
            ? "border-accent-200 bg-accent-50 text-accent-700 hover:bg-accent-100 dark:border-accent-800 dark:bg-accent-950/50 dark:text-accent-300"
            : "border-zinc-200 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800",
        )}
      >
        <LevelIcon level={level} className="size-4" />
        {t(level)}
      </button>
      {error && (
        <p role="alert" className="absolute top-9 right-0 w-56 text-xs text-red-600 dark:text-red-400">
          {t("failed")}
        </p>
      )}
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={t("label", { target: target.kind })}
          onKeyDown={onMenuKey}
          className="absolute right-0 z-30 mt-1 w-72 overflow-hidden rounded-xl border border-zinc-200 bg-white p-1 shadow-xl dark:border-zinc-800 dark:bg-zinc-900"
        >
          {LEVELS.map((l, i) => (
            <button
              key={l}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitemradio"
              aria-checked={l === level}
              onClick={() => void choose(l)}
              className={cn(
                "flex w-full items-start gap-3 rounded-lg px-3 py-2 text-left text-sm transition-colors hover:bg-zinc-50 focus-visible:bg-zinc-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-500 dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800",
                l === level && "bg-accent-50/70 dark:bg-accent-950/40",
              )}
            >
              <LevelIcon level={l} className="mt-0.5 size-4 shrink-0 text-zinc-500 dark:text-zinc-400" />
              <span>
                <span className="block font-medium text-zinc-900 dark:text-zinc-100">{t(l)}</span>
                <span className="block text-zinc-500 dark:text-zinc-400">{hint(l)}</span>
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** A category's watch control; on a member shell (`shell`) the level comes from the page's layer. */
export function CategoryWatchControl({ slug, level, shell }: { slug: string; level: WatchLevel; shell: boolean }) {
  const layered = useShellLayer(shell)?.list?.categoryLevel;
  return <WatchControl target={{ kind: "category", slug }} level={layered ?? level} />;
}
