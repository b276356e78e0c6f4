import { ZPresence } from "../shapes";
import { defineOperation } from "../http/operation";

export const presenceOperations = [
  defineOperation({
    name: "presence",
    method: "GET",
    path: "/api/v1/presence",
    summary: "Members online (live sockets) and guests",
    ok: { 200: ZPresence },
    errors: [],
    async handle({ services }) {
      const { count, users, guests } = await services.presence.snapshot();
      return { count, users, guests };
    },
  }),
] as const;
