"use client";
import { createContext, useContext, useEffectEvent, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";
import { pageLayer } from "@/components/personal/layer";
import type { PresenceSnapshot } from "@/server/realtime/events";
import type { StaffStore } from "@/components/admin/stats-store";
import { createConnectionStore, type ConnectionState, type ConnectionStore } from "./connection";
import type { FeedStore } from "./feed";
import { createNotificationStore, type NotificationsInit, type NotificationState, type NotificationStore } from "./notifications";
import { createPresenceStore, type PresenceState, type PresenceStore } from "./presence";
import type { ThreadStore } from "./thread";

/**
 * Stores that belong to a page rather than to the tab: each is created from its page's
 * server-rendered payload when the page mounts, and listed here while it is mounted so the
 * socket bridge can write live events into it.
 */
export interface MountedStores {
  feeds: FeedStore[];
  threads: ThreadStore[];
  staff: StaffStore[];
}

/** Everything the socket bridge writes to, created once per request on the server and once per tab in the browser. */
export interface Stores {
  presence: PresenceStore;
  notifications: NotificationStore;
  connection: ConnectionStore;
  mounted: StoreApi<MountedStores>;
}

// Zustand's Next.js guide: no module-level store, since a server renders many requests at once.
// https://zustand.docs.pmnd.rs/guides/nextjs
const StoresContext = createContext<Stores | null>(null);

interface StoresProviderProps {
  /** The root layout's data: who is online, and the viewer's notifications (null for a guest). */
  presence: PresenceSnapshot;
  notifications: NotificationsInit | null;
  /** A member shell: the viewer's notifications come from the page's layer. */
  shell?: boolean;
  children: ReactNode;
}

/** Mounted once, in the root layout: the tab-wide stores, started from the server's data. */
export function StoresProvider({ presence, notifications, shell = false, children }: StoresProviderProps) {
  const [stores] = useState<Stores>(() => ({
    presence: createPresenceStore(presence),
    notifications: createNotificationStore(notifications),
    connection: createConnectionStore(),
    mounted: createStore<MountedStores>()(() => ({ feeds: [], threads: [], staff: [] })),
  }));
  // Presence from the server only counts until the socket has delivered its own.
  useLaterPayloads(presence, (p) => stores.presence.getState().hydrateFromServer(p));
  useLaterPayloads(notifications, (n) => stores.notifications.getState().hydrate(n?.notifications ?? [], n?.unread ?? 0));
  useShellNotifications(shell, stores.notifications);
  return <StoresContext value={stores}>{children}</StoresContext>;
}

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error("useStores must be used inside <StoresProvider> (the root layout mounts it)");
  return stores;
}

export function usePresenceStore<T>(selector: (s: PresenceState) => T): T {
  return useStore(useStores().presence, selector);
}

export function useNotificationStore<T>(selector: (s: NotificationState) => T): T {
  return useStore(useStores().notifications, selector);
}

export function useConnectionStore<T>(selector: (s: ConnectionState) => T): T {
  return useStore(useStores().connection, selector);
}

/**
 * On a member shell, the reader's notifications come from the page's layer. A shell that came
 * without one (it cannot, short of a broken response) is rendered again for this reader alone:
 * Next's refresh asks with their session, which is never a shell.
 */
function useShellNotifications(shell: boolean, notifications: NotificationStore): void {
  const router = useRouter();
  useLayoutEffect(() => {
    if (!shell) return;
    const layer = pageLayer();
    if (layer) notifications.getState().hydrate(layer.notifications.notifications, layer.notifications.unread);
    else router.refresh();
  }, [shell, notifications, router]);
}

/**
 * Applies each server payload after the first to a store that was created from the first.
 * The guard is the payload's identity: a re-render keeps the store (and its live updates),
 * while router.refresh() brings a new payload. Before paint, so the old one never shows.
 */
function useLaterPayloads<T>(payload: T, apply: (payload: T) => void): void {
  const applied = useRef(payload);
  // apply writes to a store that lives as long as the component: an event, not a trigger.
  const onPayload = useEffectEvent(apply);
  useLayoutEffect(() => {
    if (applied.current === payload) return;
    applied.current = payload;
    onPayload(payload);
  }, [payload]);
}

/**
 * A page's own store: created from the page's payload on mount (so the first render, on the
 * server and while hydrating, reads the payload from the store), re-initialised by each later
 * payload, and listed in `mounted` for the socket bridge while the page is mounted.
 */
export function usePageStore<K extends keyof MountedStores, P>(
  kind: K,
  payload: P,
  create: (payload: P) => MountedStores[K][number],
  reinit: (store: MountedStores[K][number], payload: P) => void,
): MountedStores[K][number] {
  const { mounted } = useStores();
  const [store] = useState(() => create(payload));
  useLaterPayloads(payload, (p) => reinit(store, p));
  // A layout effect, so the store is listed before any passive effect subscribes to its room.
  useLayoutEffect(() => {
    mounted.setState((m) => ({ [kind]: [...m[kind], store] }) as Pick<MountedStores, K>);
    return () => mounted.setState((m) => ({ [kind]: m[kind].filter((s) => s !== store) }) as Pick<MountedStores, K>);
  }, [mounted, kind, store]);
  return store;
}
