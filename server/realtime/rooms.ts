import { z } from "zod";

/** Rooms a client may ask for. `user:<id>` and `staff` are joined by the server only. */
export const ZRoom = z
  .string()
  .max(120)
  .regex(/^(forum|category:[a-z0-9-]{1,40}|post:[0-9a-f-]{36})$/, "is not a known room");

export const userRoom = (id: string) => `user:${id}`;
export const STAFF_ROOM = "staff";
/** Staff sockets join this twin of every public room they subscribe to (see publisher). */
export const staffTwin = (room: string) => `staff:${room}`;
export const MAX_ROOMS_PER_SOCKET = 50;
