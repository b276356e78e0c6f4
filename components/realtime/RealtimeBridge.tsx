"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import type { StoreApi } from "zustand/vanilla";
import type { ServerToClientEvents } from "@/server/realtime/events";
import { applyPresence } from "@/components/stores/presence";
import type { ConnectionStatus } from "@/components/stores/connection";
import { useStores, type MountedStores } from "@/components/stores/StoresProvider";
import { getSocket, type ParleyClientSocket } from "./socket";
import { forgetRooms, resubscribeAll, useLiveRoom } from "./live";
import { sessionEnded } from "@/components/account/session-ended";

type Handlers = { [E in keyof ServerToClientEvents]: ServerToClientEvents[E] };

/**
 * The one hook that moves socket events into the zustand stores. Mounted once, in the root
 * layout, inside <StoresProvider>: the tab's stores come from there, and a page's own stores
 * (its feed, its thread, the dashboard's figures) are listed there while the page is mounted.
 */
export function RealtimeBridge() {
  const stores = useStores();
  const router = useRouter();
  // Every page shows who is online: presence goes to `forum` subscribers.
  useLiveRoom("forum");
  useEffect(() => {
    const socket = getSocket();
    const { presence, notifications, connection, mounted } = stores;
    const feeds = () => mounted.getState().feeds.map(state);
    const threads = (postId: string) => {
      const open = mounted.getState().threads.map(state);
      return open.filter((t) => t.post.id === postId);
    };
    const staff = () => mounted.getState().staff.map(state);
    const staffSilence = watchStaffSilence(socket, mounted);

    const handlers: Handlers = {
      "post:created": ({ post }) => feeds().forEach((f) => f.upsertPost(post)),
      "post:updated": ({ post }) => {
        feeds().forEach((f) => f.upsertPost(post));
        threads(post.id).forEach((t) => t.setPost(post));
      },
      "post:deleted": ({ id }) => {
        feeds().forEach((f) => f.removePost(id));
        threads(id).forEach((t) => t.removePost(id));
      },
      "comment:created": ({ comment }) => threads(comment.postId).forEach((t) => t.upsertComment(comment)),
      "comment:updated": ({ comment }) => threads(comment.postId).forEach((t) => t.upsertComment(comment)),
      "comment:deleted": ({ id, postId }) => threads(postId).forEach((t) => t.removeComment(id)),
      presence: (p) => applyPresence(presence, p),
      "post:viewers": ({ postId, count }) => threads(postId).forEach((t) => t.setViewers(count)),
      typing: ({ postId, user }) => threads(postId).forEach((t) => t.setTyping(user)),
      notification: ({ notification }) => {
        notifications.getState().add(notification);
        socket.emit("notification:delivered", { ids: [notification.id] }, () => {});
      },
      "report:changed": ({ openCount }) => staff().forEach((s) => s.reportChanged(openCount)),
      stats: (stats) => {
        staff().forEach((s) => s.setStats(stats, true));
        staffSilence.heard();
      },
      // The server closes the socket right after: say why instead of "offline".
      "session:ended": (ended) => {
        // Signed out elsewhere, password changed, account deleted: to the sign-in page, which
        // says why. A ban keeps the page and shows the ban notice instead.
        if (ended.reason !== "banned") return sessionEnded(ended.reason);
        connection.getState().setEnded(ended);
        router.refresh();
      },
      // The socket's rooms were already redone on the server; pages re-read what the role shows.
      "session:changed": () => router.refresh(),
    };

    const setStatus = (status: ConnectionStatus) => {
      connection.getState().setStatus(status);
      document.documentElement.dataset.live = status;
    };
    function onConnect() {
      void resubscribeAll(socket.recovered).then(() => socket.connected && setStatus("connected"));
    }
    function onDisconnect() {
      forgetRooms();
      if (connection.getState().ended) return;
      setStatus(socket.active ? "reconnecting" : "offline");
    }
    function onConnectError() {
      setStatus(socket.active ? "reconnecting" : "offline");
    }

    for (const [event, fn] of Object.entries(handlers)) socket.on(event as keyof Handlers, fn as never);
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onConnectError);
    if (socket.connected) onConnect();
    return () => {
      for (const [event, fn] of Object.entries(handlers)) socket.off(event as keyof Handlers, fn as never);
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onConnectError);
      staffSilence.stop();
    };
  }, [stores, router]);
  return null;
}

const state = <S,>(store: StoreApi<S>): S => store.getState();

/** Stats arrive every 2 s for staff; this long without one means the socket is not a staff one. */
const SILENCE_MS = 7_000;

/**
 * Sockets join the staff room at the handshake, so a socket opened before its user became
 * staff (promoted while their tab was open) hears nothing. While a staff page (one with the
 * dashboard's store) is mounted, after a silence the socket reconnects once, and the new
 * handshake sees the current role.
 */
function watchStaffSilence(socket: ParleyClientSocket, mounted: StoreApi<MountedStores>) {
  let healed = false;
  let silence: ReturnType<typeof setTimeout> | undefined;
  function watchSilence() {
    clearTimeout(silence);
    if (healed || mounted.getState().staff.length === 0) return;
    silence = setTimeout(() => {
      if (!socket.connected) return watchSilence();
      healed = true;
      socket.disconnect().connect();
    }, SILENCE_MS);
  }
  // Once per visit to the staff pages, as when this lived in the admin layout.
  function onMounted(now: MountedStores, before: MountedStores) {
    if (now.staff.length === before.staff.length) return;
    if (before.staff.length === 0) healed = false;
    watchSilence();
  }
  const unsubscribe = mounted.subscribe(onMounted);
  watchSilence();
  return {
    /** A `stats` push arrived: the socket is a staff one, for now. */
    heard: watchSilence,
    stop() {
      clearTimeout(silence);
      unsubscribe();
    },
  };
}
