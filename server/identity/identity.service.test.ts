import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useServices } from "@/test/services";
import { FRESH_PROVIDER_SIGNIN_MS } from "../sessions/sessions.service";
import type { TProviderIdentity } from "./identity.schema";

const { services, viewer } = useServices();

function identity(over: Partial<TProviderIdentity> = {}): TProviderIdentity {
  const tag = randomBytes(5).toString("hex");
  return {
    provider: "oidc",
    providerAccountId: `sub-${tag}`,
    email: `svc-${tag}@idp.parley.test`,
    emailVerified: true,
    preferredUsername: `svc_idp_${tag}`,
    ...over,
  };
}

describe("isFreshProviderSignIn: a provider sign-in stands in for a password for 10 minutes", () => {
  it("is true for a provider session just made, false later, for a password session, and for no session", async () => {
    const signed = await services.identity.signIn(identity(), "test");
    if (signed.kind !== "signed-in") throw new Error(`expected a sign-in, got ${signed.kind}`);
    const { sid } = signed.session;
    expect(await services.sessions.isFreshProviderSignIn(sid)).toBe(true);
    expect(await services.sessions.isFreshProviderSignIn(sid, Date.now() + FRESH_PROVIDER_SIGNIN_MS + 60_000)).toBe(false);

    const member = await viewer();
    const password = await services.sessions.create(member.id, "test");
    expect(await services.sessions.isFreshProviderSignIn(password)).toBe(false);
    expect(await services.sessions.isFreshProviderSignIn(null)).toBe(false);
    expect(await services.sessions.isFreshProviderSignIn("not-a-uuid")).toBe(false);
    expect(await services.sessions.isFreshProviderSignIn(crypto.randomUUID())).toBe(false);
  });
});

describe("pending sign-ups", () => {
  it("a taken username seals the identity; only this server's unexpired seal opens", async () => {
    const member = await viewer();
    const signed = await services.identity.signIn(identity({ preferredUsername: member.username }), "test");
    if (signed.kind !== "choose-username") throw new Error(`expected the welcome page, got ${signed.kind}`);
    expect(await services.identity.pendingSignup(signed.pendingToken)).toMatchObject({
      provider: "oidc",
      suggestedUsername: member.username,
    });
    expect(await services.identity.pendingSignup(undefined)).toBeNull();
    expect(await services.identity.pendingSignup("garbage")).toBeNull();
    await expect(services.identity.completeSignup("garbage", "anyone_new", "test")).rejects.toMatchObject({ code: "INVALID_TOKEN" });
  });

  it("no email at all is refused", async () => {
    expect(await services.identity.signIn(identity({ email: null, emailVerified: false }), "test")).toEqual({
      kind: "refused",
      reason: "NoEmail",
    });
  });
});
