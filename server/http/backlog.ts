/**
 * How many connections the kernel may queue for a node before it accepts them (the kernel caps
 * it at net.core.somaxconn). Node's default is 511: when every member's client reconnects at
 * once (a deploy, a network blip), a busy event loop lets that queue fill, the kernel drops
 * the rest of the SYNs, and those clients wait out TCP's retransmission (1 s, 3 s, 7 s…) or
 * give up. A longer queue costs only kernel memory for connections that are on their way in.
 */
export const LISTEN_BACKLOG = 4096;
