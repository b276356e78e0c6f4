import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress (TRUST_PROXY)", () => {
  it("without a trusted proxy is the peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.9", 0)).toBe("198.51.100.7");
    expect(clientAddress("::ffff:198.51.100.7", undefined, 0)).toBe("198.51.100.7");
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("with one trusted hop is the entry the proxy wrote, not what the client forged before it", () => {
    // nginx appending $remote_addr to a forged header: "forged, real".
    expect(clientAddress("127.0.0.1", "203.0.113.9, 198.51.100.7", 1)).toBe("198.51.100.7");
    // nginx overwriting the header with $remote_addr.
    expect(clientAddress("127.0.0.1", "198.51.100.7", 1)).toBe("198.51.100.7");
    // Several headers count as one list, in order.
    expect(clientAddress("127.0.0.1", ["203.0.113.9", "198.51.100.7"], 1)).toBe("198.51.100.7");
  });

  it("walks as many hops as are trusted, and no further than the chain goes", () => {
    expect(clientAddress("10.0.0.2", "203.0.113.9, 198.51.100.7, 10.0.0.1", 2)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "198.51.100.7", 3)).toBe("198.51.100.7");
    // A proxy that sent no header: the peer is the closest thing to the client.
    expect(clientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });

  it("stops at an entry that is not an address, and reads ports and brackets", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.7, not-an-ip", 1)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "[2001:db8::1]:4711", 1)).toBe("2001:db8::1");
    expect(clientAddress("127.0.0.1", "198.51.100.7:4711", 1)).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", " 2001:db8::2 ", 1)).toBe("2001:db8::2");
  });
});
