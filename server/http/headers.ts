/** The one client IP header the custom server sets (and overwrites if a client sent it). */
export const CLIENT_IP_HEADER = "x-parley-client-ip";
