import { createClient, SESSION_COOKIE, type Client } from "./client";

/** Signs `client` out through NextAuth's own endpoint, as the header's "Sign out" does. */
export async function signOut(client: Client): Promise<void> {
  const csrf = (await client.get("/api/auth/csrf")).json.csrfToken;
  const res = await client.request("POST", "/api/auth/signout", undefined, {
    rawBody: new URLSearchParams({ csrfToken: csrf, json: "true" }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  if (res.status !== 200) throw new Error(`sign-out failed: ${res.status} ${res.text}`);
}

/** Another visitor holding a copy of `client`'s session cookie (a copied cookie, a second tab). */
export function withCookieOf(client: Client, origin = client.origin): Client {
  const copy = createClient(origin);
  copy.setCookie(SESSION_COOKIE, client.sessionToken!);
  return copy;
}
