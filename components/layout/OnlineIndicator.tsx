"use client";
import { useTranslations } from "next-intl";
import { usePresenceStore } from "@/components/stores/StoresProvider";

/** "● 3 online" in the header, from the presence store (the server's snapshot, then live). */
export function OnlineIndicator() {
  const t = useTranslations("presence");
  const count = usePresenceStore((s) => s.count);
  const guests = usePresenceStore((s) => s.guests);
  const label = guests ? t("membersAndGuestsOnline", { count, guests }) : t("membersOnline", { count });
  return (
    <span
      title={label}
      className="inline-flex items-center gap-1.5 rounded-full px-1.5 py-1 text-xs font-medium whitespace-nowrap text-zinc-600 dark:text-zinc-400"
    >
      <span className="relative flex size-2" aria-hidden="true">
        {count > 0 && <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-60" />}
        <span className={`relative inline-flex size-2 rounded-full ${count > 0 ? "bg-emerald-500" : "bg-zinc-400"}`} />
      </span>
      <span className="sr-only">{label}</span>
      {/* Phones keep the header to one line: the count alone, the words from sm up. */}
      <span aria-hidden="true" className="hidden sm:inline">
        {t("online", { count })}
      </span>
      <span aria-hidden="true" className="tabular-nums sm:hidden">
        {count}
      </span>
    </span>
  );
}
