import { isIP } from "node:net";

/**
 * The address a request came from, as the rate limits see it. With `trustedHops` 0 (no
 * proxy) it is the TCP peer, and X-Forwarded-For is ignored: anyone can send one. Behind
 * proxies it is the address `trustedHops` steps back along the chain, counted from the
 * peer: [peer, rightmost X-Forwarded-For entry, …, leftmost]. One reverse proxy (nginx
 * setting or appending the address it saw) is TRUST_PROXY=1: the rightmost entry, the
 * one the proxy wrote itself; whatever a client forged sits further left and is never read.
 * A chain shorter than the hops trusted yields its leftmost address, and an entry that is
 * not an IP address ends the walk at the last good one.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  let address = normalise(peer) ?? "unknown";
  if (trustedHops <= 0 || forwardedFor === undefined) return address;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",").reverse();
  for (const entry of entries.slice(0, trustedHops)) {
    const next = normalise(entry);
    if (!next) break;
    address = next;
  }
  return address;
}

/** A bare IP address (IPv4-mapped IPv6 as IPv4), or undefined when `raw` is none. */
function normalise(raw: string | undefined): string | undefined {
  let value = raw?.trim();
  if (!value) return undefined;
  if (value.startsWith("[") && value.includes("]"))
    value = value.slice(1, value.indexOf("]")); // "[::1]:port"
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":")); // "1.2.3.4:port"
  if (value.toLowerCase().startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value : undefined;
}
