import { createHmac, timingSafeEqual } from "node:crypto";
import { isUuid } from "../ids";

/**
 * The token in a notification mail's unsubscribe links: the member's id and an HMAC of it
 * under the forum's secret, so a link turns off that member's mail and nobody else's, with
 * no sign-in and nothing stored. It does not expire (a years-old mail still unsubscribes),
 * and it can only ever do one thing: switch notification mail off.
 */
const PURPOSE = "parley:unsubscribe:v1:";

const mac = (secret: string, userId: string) => createHmac("sha256", secret).update(PURPOSE + userId).digest("base64url");

export function unsubscribeToken(secret: string, userId: string): string {
  return `${userId}.${mac(secret, userId)}`;
}

/** The member a token was issued for, or null when it is malformed or forged. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const [userId, sig, extra] = token.split(".");
  if (extra !== undefined || !userId || !sig || !isUuid(userId)) return null;
  const want = Buffer.from(mac(secret, userId));
  const got = Buffer.from(sig);
  return got.length === want.length && timingSafeEqual(got, want) ? userId : null;
}
