"use client";
import type { UserRef } from "@/server/dto";
import { usePresenceStore } from "@/components/stores/presence";
import { useHydrate } from "@/components/stores/useHydrate";

export interface PresenceInit {
  count: number;
  users: UserRef[];
  guests: number;
}

/** "● 3 online" in the header; also seeds the presence store from the server's snapshot. */
export function OnlineIndicator({ initial }: { initial: PresenceInit }) {
  const ready = useHydrate(initial, (s) => usePresenceStore.getState().hydrateFromServer(s));
  const live = usePresenceStore((s) => s.count);
  const guests = usePresenceStore((s) => s.guests);
  const count = ready ? live : initial.count;
  const label = `${count} member${count === 1 ? "" : "s"} online${guests ? `, ${guests} guest${guests === 1 ? "" : "s"}` : ""}`;
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
      <span aria-hidden="true">{count} online</span>
    </span>
  );
}
