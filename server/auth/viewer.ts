import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { env } from "../env";
import { getServices } from "../context";
import type { Viewer } from "../dto";
import { requestViewer, resolveSession, SESSION_COOKIES } from "./session";
import { SHELL_HEADER } from "../http/headers";

/**
 * The signed-in user for a server component, checked against the database (session version,
 * ban, current role), or null. Pages call this rather than trusting the session's claims.
 * Memoised per request: the layout and the page share one lookup.
 */
export const getViewer = cache(async function getViewer(): Promise<Viewer | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  const session = await resolveSession(token, env.secret, getServices().sessions.lookup);
  return requestViewer(session);
});

/**
 * Whether this render is the page for members in general that the page cache replays to each
 * member with their own layer (server/http/page-cache.ts). It has no viewer: what is personal
 * renders as for "a member", and the client fills it in from the layer as it hydrates.
 */
export const isMemberShell = cache(async function isMemberShell(): Promise<boolean> {
  return (await headers()).get(SHELL_HEADER) === "member";
});
