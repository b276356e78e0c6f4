import { describe, expect, it } from "vitest";
import { clientAddress, limitKey } from "./client-address";

const req = (peer: string, xff?: string) => ({ socket: { remoteAddress: peer }, headers: xff ? { "x-forwarded-for": xff } : {} }) as never;

describe("clientAddress", () => {
  it("ignores X-Forwarded-For without trusted proxies", () => {
    expect(clientAddress(req("10.0.0.9", "1.2.3.4"), 0)).toBe("10.0.0.9");
  });
  it("takes the entry the trusted hops wrote, never one the client wrote", () => {
    expect(clientAddress(req("10.0.0.9", "1.2.3.4"), 1)).toBe("1.2.3.4");
    expect(clientAddress(req("10.0.0.9", "6.6.6.6, 1.2.3.4"), 1)).toBe("1.2.3.4");
    expect(clientAddress(req("10.0.0.9", "6.6.6.6, 1.2.3.4, 10.0.0.2"), 2)).toBe("1.2.3.4");
    expect(clientAddress(req("10.0.0.9"), 1)).toBe("10.0.0.9");
  });
  it("unwraps IPv4-mapped IPv6 peers", () => {
    expect(clientAddress(req("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
  });
});

describe("limitKey", () => {
  it("limits IPv6 per /64 and IPv4 per address", () => {
    expect(limitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitKey("203.0.113.7")).toBe("203.0.113.7");
  });
});
