"use client";
import { useEffect } from "react";
import type { ServerToClientEvents } from "@/server/realtime/events";
import { useFeedStore } from "@/components/stores/feed";
import { useThreadStore } from "@/components/stores/thread";
import { applyPresence } from "@/components/stores/presence";
import { useNotificationStore } from "@/components/stores/notifications";
import { useConnectionStore, type ConnectionStatus } from "@/components/stores/connection";
import { getSocket } from "./socket";
import { forgetRooms, resubscribeAll, useLiveRoom } from "./live";

type Handlers = { [E in keyof ServerToClientEvents]: ServerToClientEvents[E] };

/** The one hook that moves socket events into the zustand stores. Mounted once, in the layout. */
export function RealtimeBridge() {
  // Every page shows who is online: presence goes to `forum` subscribers.
  useLiveRoom("forum");
  useEffect(() => {
    const socket = getSocket();
    const feed = () => useFeedStore.getState();
    const thread = () => useThreadStore.getState();
    const inThread = (postId: string) => thread().post?.id === postId;

    const handlers: Handlers = {
      "post:created": ({ post }) => feed().upsertPost(post),
      "post:updated": ({ post }) => {
        feed().upsertPost(post);
        if (inThread(post.id)) thread().setPost(post);
      },
      "post:deleted": ({ id }) => {
        feed().removePost(id);
        if (inThread(id)) thread().removePost(id);
      },
      "comment:created": ({ comment }) => inThread(comment.postId) && thread().upsertComment(comment),
      "comment:updated": ({ comment }) => inThread(comment.postId) && thread().upsertComment(comment),
      "comment:deleted": ({ id, postId }) => inThread(postId) && thread().removeComment(id),
      presence: (p) => applyPresence(p),
      "post:viewers": ({ postId, count }) => inThread(postId) && thread().setViewers(count),
      typing: ({ postId, user }) => inThread(postId) && thread().setTyping(user),
      notification: ({ notification }) => {
        useNotificationStore.getState().add(notification);
        socket.emit("notification:delivered", { ids: [notification.id] }, () => {});
      },
      "report:changed": () => {},
      stats: () => {},
    };

    const setStatus = (status: ConnectionStatus) => {
      useConnectionStore.getState().setStatus(status);
      document.documentElement.dataset.live = status;
    };
    function onConnect() {
      void resubscribeAll(socket.recovered).then(() => socket.connected && setStatus("connected"));
    }
    function onDisconnect() {
      forgetRooms();
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
    };
  }, []);
  return null;
}
