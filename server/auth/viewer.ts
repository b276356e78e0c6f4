import "server-only";
import { cookies } from "next/headers";
import { env } from "../env";
import { getServices } from "../context";
import type { Viewer } from "../dto";
import { resolveSession, SESSION_COOKIES } from "./session";

/**
 * The signed-in user for a server component, checked against the database (session version,
 * ban, current role), or null. Pages call this rather than trusting the session's claims.
 */
export async function getViewer(): Promise<Viewer | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((n) => jar.get(n)?.value).find(Boolean);
  const session = await resolveSession(token, env.secret, getServices().users.findAccess);
  return session.status === "ok" ? session.viewer : null;
}
