import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { env } from "../env";
import { getServices } from "../context";
import type { Viewer } from "../dto";
import { resolveSession, SESSION_COOKIES } from "./session";

/**
 * The signed-in user for a server component, checked against the database (session version,
 * ban, current role), or null. Pages call this rather than trusting the session's claims.
 * Memoised per request: the layout and the page share one lookup.
 */
export const getViewer = cache(async function getViewer(): Promise<Viewer | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  const session = await resolveSession(token, env.secret, getServices().sessions.lookup);
  return session.status === "ok" ? session.viewer : null;
});
