import { createStore, type StoreApi } from "zustand/vanilla";
import type { Notification } from "@/server/dto";

/** What the server renders for a signed-in viewer (null for a guest). */
export interface NotificationsInit {
  notifications: Notification[];
  unread: number;
}

export interface NotificationState {
  /** Newest first. */
  list: Notification[];
  unread: number;
  hydrate(list: Notification[], unread?: number): void;
  /** A live notification; one already held (same id) is ignored. */
  add(notification: Notification): void;
  /** Marks the given ids (or all) read locally; the caller tells the server. */
  markRead(ids?: string[]): void;
  clear(): void;
}

export type NotificationStore = StoreApi<NotificationState>;

const unreadOf = (list: Notification[]) => list.filter((n) => !n.readAt).length;

export function createNotificationStore(initial: NotificationsInit | null): NotificationStore {
  return createStore<NotificationState>()((set, get) => ({
    list: initial?.notifications ?? [],
    unread: initial?.unread ?? 0,

    hydrate: (list, unread) => set({ list, unread: unread ?? unreadOf(list) }),

    add(notification) {
      const { list, unread } = get();
      if (list.some((n) => n.id === notification.id)) return;
      set({ list: [notification, ...list], unread: unread + (notification.readAt ? 0 : 1) });
    },

    markRead(ids) {
      const { list, unread } = get();
      const now = new Date().toISOString();
      const wanted = ids ? new Set(ids) : null;
      let changed = 0;
      const next = list.map((n) => {
        if (n.readAt || (wanted && !wanted.has(n.id))) return n;
        changed++;
        return { ...n, readAt: now };
      });
      // The server may know of unread items beyond the loaded list; "all" clears them too.
      set({ list: next, unread: wanted ? Math.max(0, unread - changed) : 0 });
    },

    clear: () => set({ list: [], unread: 0 }),
  }));
}
