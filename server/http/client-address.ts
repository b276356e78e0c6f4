import { isIPv6 } from "node:net";
import type { IncomingMessage } from "node:http";

/**
 * The client's address, as far as it can be trusted. With `trustedHops` 0 (TRUST_PROXY's
 * default) it is the TCP peer and X-Forwarded-For is ignored: anyone can write that header.
 * Behind N reverse proxies, each appends the address it saw, so the client is the Nth entry
 * from the right of X-Forwarded-For plus the peer; entries further left were written by the
 * client itself and are never used. Too few entries: the leftmost one present.
 */
export function clientAddress(req: Pick<IncomingMessage, "headers" | "socket">, trustedHops: number): string {
  const peer = normalize(req.socket.remoteAddress ?? "unknown");
  if (trustedHops <= 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return normalize(chain[Math.max(0, chain.length - 1 - trustedHops)]);
}

/** "::ffff:10.0.0.1" is 10.0.0.1; brackets and ports are dropped. */
function normalize(address: string): string {
  let a = address.trim();
  if (a.startsWith("[")) a = a.slice(1, a.indexOf("]") > 0 ? a.indexOf("]") : undefined);
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (a.toLowerCase().startsWith("::ffff:") && a.includes(".")) a = a.slice(7);
  return a.toLowerCase();
}

/**
 * The key an address is limited by: IPv4 as it is, IPv6 by its /64 (one customer's network
 * hands out a whole /64, so single addresses would be free to rotate).
 */
export function limitKey(address: string): string {
  if (!isIPv6(address)) return address;
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g || "0", 16).toString(16))
    .join(":")}::/64`;
}
