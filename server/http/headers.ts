/** The one client IP header the custom server sets (and overwrites if a client sent it). */
export const CLIENT_IP_HEADER = "x-parley-client-ip";

/**
 * Marks the render the page cache asks Next for on behalf of members in general (a "member
 * shell", server/http/page-cache.ts). Set only by the custom server: any a client sends is
 * removed before the request goes further.
 */
export const SHELL_HEADER = "x-parley-shell";
