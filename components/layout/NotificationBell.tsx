"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { call } from "@/components/api";
import { useNotificationStore } from "@/components/stores/StoresProvider";
import { BellIcon } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";
import { NotificationList } from "./NotificationList";
import { SeeAllNotifications } from "@/components/notifications/SeeAllNotifications";

/**
 * The bell with the unread count. Opening it shows the list and marks what was unread as read
 * (on the server too); those items stay highlighted until the panel closes.
 */
export function NotificationBell() {
  const t = useTranslations("notifications");
  const list = useNotificationStore((s) => s.list);
  const unread = useNotificationStore((s) => s.unread);
  const markRead = useNotificationStore((s) => s.markRead);
  const [open, setOpen] = useState(false);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const ta = useTranslations("a11y");
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  /** Closing from the keyboard puts focus back on the bell, where the reader left off. */
  function close(restoreFocus: boolean) {
    setOpen(false);
    if (restoreFocus) button.current?.focus();
  }

  useEffect(() => {
    if (!open) return;
    // Focus moves into the panel, so the next Tab reaches its notifications, not the page behind.
    panel.current?.focus();
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) close(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close(root.current?.contains(document.activeElement) ?? false);
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  function toggle() {
    if (open) return close(true);
    const ids = list.filter((n) => !n.readAt).map((n) => n.id);
    setFresh(new Set(ids));
    setOpen(true);
    if (unread > 0) {
      markRead(); // all: the server may hold more than the list shows
      call("POST /api/v1/notifications/read", { body: {} }).catch(() => {});
    }
  }

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        onClick={toggle}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="notification-bell"
        className="relative inline-flex size-9 items-center justify-center rounded-lg text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        <BellIcon className="size-5" />
        {/* The name is built from what is on screen ("Notifications 3 unread"), so a voice user can say what they see. */}
        <span className="sr-only">{t("title")} </span>
        {unread > 0 && (
          <span
            data-testid="unread-count"
            className="absolute top-0.5 right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-600 px-1 text-[10px] leading-none font-bold text-white ring-2 ring-white dark:ring-zinc-950"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
        {unread > 0 && <span className="sr-only"> {ta("unreadSuffix")}</span>}
      </button>
      <div
        ref={panel}
        id={panelId}
        hidden={!open}
        role="region"
        aria-label={t("title")}
        tabIndex={-1}
        className={cn(
          "focus-visible:outline-2 focus-visible:outline-accent-500",
          "fixed inset-x-2 top-14 z-40 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xl sm:absolute sm:inset-x-auto sm:top-11 sm:right-0 sm:w-96",
          "dark:border-zinc-800 dark:bg-zinc-900",
        )}
      >
        <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
          <h2 className="text-sm font-semibold">{t("title")}</h2>
        </div>
        <NotificationList list={list.slice(0, 8)} fresh={fresh} onNavigate={() => close(false)} />
        <SeeAllNotifications onNavigate={() => close(false)} />
      </div>
    </div>
  );
}
