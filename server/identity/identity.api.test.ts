import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import {
  createClient,
  createDatabaseOn,
  directDb,
  freePort,
  signedUpClient,
  startNode,
  TEST_PASSWORD,
  uniqueName,
  type Client,
  type DirectDb,
  type RunningNode,
  type TestDatabase,
} from "@/test/harness";
import { expectError, expectOk } from "@/test/expect";
import { closeAllSockets, handshakeOutcome } from "@/test/sockets";
import { signOut } from "@/test/accounts";
import { mailsTo, tokenFrom, waitForMail } from "@/test/mail";
import { signInWithIdp, startTestIdp, type TestIdp } from "@/test/oidc-provider";

// A node of its own, configured with a real OpenID provider started here (the shared node has
// none), on a database of its own: nodes sharing a database share its mail outbox, and the
// shared node would otherwise send some of this node's mail (and this one some of the others').
let database: TestDatabase;
let db: DirectDb;
let idp: TestIdp;
let node: RunningNode;

beforeAll(async () => {
  database = await createDatabaseOn(inject("databaseUrl"), "parley_identity");
  db = directDb(database.url);
  const port = await freePort();
  idp = await startTestIdp(`http://127.0.0.1:${port}`);
  node = await startNode({ databaseUrl: database.url, port, env: idp.env });
});
afterAll(async () => {
  closeAllSockets();
  await node?.stop();
  await idp?.stop();
  await db?.close();
  await database?.stop();
});

const newId = () => `idp-${randomBytes(6).toString("hex")}`;
const email = (name: string) => `${name.toLowerCase()}@idp.parley.test`;
const usersWithEmail = async (address: string) => (await db.query(`SELECT id FROM "User" WHERE email = $1`, [address])).rowCount;
const accountsOf = async (sub: string) =>
  (await db.query(`SELECT "userId" FROM "Account" WHERE provider = 'oidc' AND "providerAccountId" = $1`, [sub])).rows;

describe("first sign-in through an OpenID provider", () => {
  it("creates a member (verified email, no password) whose session works for HTTP and the socket, and sign-out ends it", async () => {
    const sub = newId();
    const username = uniqueName("oidc");
    idp.addAccount(sub, { email: email(username), email_verified: true, preferred_username: username });
    const browser = createClient(node.origin);

    const result = await signInWithIdp(browser, sub);
    expect(result).toEqual({ status: 302, location: "/" });
    const me = await browser.get("/api/v1/me");
    expectOk(me);
    expect(me.json.user).toMatchObject({ username, email: email(username), emailVerified: true, hasPassword: false, role: "MEMBER" });
    expect(await accountsOf(sub)).toEqual([{ userId: me.json.user.id }]);
    const session = await db.query(`SELECT method FROM "Session" WHERE "userId" = $1`, [me.json.user.id]);
    expect(session.rows).toEqual([{ method: "oidc" }]);
    expect(await handshakeOutcome(node.origin, browser)).toBe("connected");
    expectOk(await browser.post("/api/v1/posts", { categorySlug: "general", title: "From a provider", body: "hello" }), 201);

    // The same provider account again: the same member, a second session.
    const again = createClient(node.origin);
    expect(await signInWithIdp(again, sub)).toEqual({ status: 302, location: "/" });
    expect((await again.get("/api/v1/me")).json.user.id).toBe(me.json.user.id);

    const copied = createClient(node.origin);
    copied.setCookie("next-auth.session-token", browser.sessionToken!);
    await signOut(browser);
    expectError(await copied.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expect(await handshakeOutcome(node.origin, copied)).toBe("unauthorized");
    expectOk(await again.get("/api/v1/me"));
  });

  it("a taken username waits for the welcome page: nothing exists until a username is chosen", async () => {
    const taken = await createClient(node.origin).signUp(uniqueName("taken"));
    const sub = newId();
    const address = email(uniqueName("newcomer"));
    idp.addAccount(sub, { email: address, email_verified: true, preferred_username: taken.user.username });
    const browser = createClient(node.origin);

    expect(await signInWithIdp(browser, sub)).toEqual({ status: 302, location: "/welcome" });
    expect(browser.sessionToken).toBeUndefined();
    expect(await usersWithEmail(address)).toBe(0);
    const page = await browser.get("/welcome");
    expect(page.status).toBe(200);
    expect(page.text).toContain(address);

    expectError(await browser.post("/api/v1/auth/provider-signup", { username: taken.user.username }), 409, "CONFLICT");
    expectError(await browser.post("/api/v1/auth/provider-signup", { username: "no spaces" }), 400, "VALIDATION_FAILED");
    expectError(await createClient(node.origin).post("/api/v1/auth/provider-signup", { username: uniqueName("x") }), 400, "INVALID_TOKEN");
    const forged = createClient(node.origin);
    // One character changed in the middle (the last one may carry only padding bits).
    const sealed = browser.cookies.get("parley.provider-signup")!;
    const at = sealed.length >> 1;
    forged.setCookie("parley.provider-signup", sealed.slice(0, at) + (sealed[at] === "A" ? "B" : "A") + sealed.slice(at + 1));
    expectError(await forged.post("/api/v1/auth/provider-signup", { username: uniqueName("x") }), 400, "INVALID_TOKEN");

    const chosen = uniqueName("chosen");
    const done = await browser.post("/api/v1/auth/provider-signup", { username: chosen });
    expect(done.status).toBe(201);
    expect(done.json.user.username).toBe(chosen);
    const me = await browser.get("/api/v1/me");
    expectOk(me);
    expect(me.json.user).toMatchObject({ username: chosen, email: address, emailVerified: true });
    expect(await handshakeOutcome(node.origin, browser)).toBe("connected");
    // The sign-up cookie cannot make a second member.
    expect((await browser.post("/api/v1/auth/provider-signup", { username: uniqueName("twice") })).status).toBe(400);
    // Next time the provider account signs straight in.
    const later = createClient(node.origin);
    expect(await signInWithIdp(later, sub)).toEqual({ status: 302, location: "/" });
    expect((await later.get("/api/v1/me")).json.user.username).toBe(chosen);
  });

  it("an invalid provider username also goes through the welcome page", async () => {
    const sub = newId();
    idp.addAccount(sub, { email: email(uniqueName("odd")), email_verified: true, preferred_username: "Ann Lee!" });
    const browser = createClient(node.origin);
    expect(await signInWithIdp(browser, sub)).toEqual({ status: 302, location: "/welcome" });
    expect((await browser.get("/welcome")).text).toContain("Ann_Lee");
  });
});

describe("linking to an existing account", () => {
  it("links when the provider asserts the same email as verified, and verifies it here", async () => {
    const member = await createClient(node.origin).signUp(uniqueName("linkme"));
    const sub = newId();
    idp.addAccount(sub, { email: member.email, email_verified: true, preferred_username: uniqueName("other") });
    const browser = createClient(node.origin);

    expect(await signInWithIdp(browser, sub)).toEqual({ status: 302, location: "/" });
    const me = (await browser.get("/api/v1/me")).json.user;
    expect(me).toMatchObject({ id: member.user.id, username: member.user.username, emailVerified: true, hasPassword: true });
    expect(await accountsOf(sub)).toEqual([{ userId: member.user.id }]);
    // The password still works alongside.
    await createClient(node.origin).signIn(member.email, member.password);
  });

  it("never links without email_verified: refused with a reason, nothing created", async () => {
    const member = await createClient(node.origin).signUp(uniqueName("keep"));
    for (const claims of [{ email_verified: false }, {}]) {
      const sub = newId();
      idp.addAccount(sub, { email: member.email, preferred_username: uniqueName("thief"), ...claims });
      const browser = createClient(node.origin);
      expect(await signInWithIdp(browser, sub)).toEqual({ status: 302, location: "/signin?error=ProviderEmailNotVerified" });
      expect(browser.sessionToken).toBeUndefined();
      expect(await accountsOf(sub)).toEqual([]);
      expect(await usersWithEmail(member.email)).toBe(1);
    }
  });

  it("an unverified email creates an unverified member when no one has it", async () => {
    const sub = newId();
    const username = uniqueName("unverified");
    idp.addAccount(sub, { email: email(username), email_verified: false, preferred_username: username });
    const browser = createClient(node.origin);
    expect(await signInWithIdp(browser, sub)).toEqual({ status: 302, location: "/" });
    expect((await browser.get("/api/v1/me")).json.user).toMatchObject({ username, emailVerified: false });
  });
});

describe("members without a password", () => {
  it("password sign-in fails, changing needs a reset first, and a reset sets one", async () => {
    const sub = newId();
    const username = uniqueName("nopass");
    const address = email(username);
    idp.addAccount(sub, { email: address, email_verified: true, preferred_username: username });
    const browser = createClient(node.origin);
    await signInWithIdp(browser, sub);

    expect((await createClient(node.origin).trySignIn(address, TEST_PASSWORD)).ok).toBe(false);
    const change = await browser.post("/api/v1/me/password", { currentPassword: "", newPassword: "a brand new passphrase" });
    expectError(change, 400, "VALIDATION_FAILED");
    expect(change.json.error.details[0].field).toBe("currentPassword");

    expect((await createClient(node.origin).post("/api/v1/auth/password/forgot", { email: address })).status).toBe(202);
    const mail = await waitForMail(node.mailDir, address, { subject: /reset|password/i });
    const token = tokenFrom(mail, "/reset-password");
    expect(
      (await createClient(node.origin).post("/api/v1/auth/password/reset", { token, password: "a brand new passphrase" })).status,
    ).toBe(204);
    await createClient(node.origin).signIn(address, "a brand new passphrase");
    expect((await mailsTo(node.mailDir, address)).length).toBeGreaterThan(0);
  });
});

describe("deleting a passwordless account", () => {
  it("a fresh provider sign-in stands in for the password; a password session never does", async () => {
    const sub = newId();
    const username = uniqueName("leaver");
    idp.addAccount(sub, { email: email(username), email_verified: true, preferred_username: username });
    const browser = createClient(node.origin);
    await signInWithIdp(browser, sub);
    expect((await browser.request("DELETE", "/api/v1/me", {})).status).toBe(204);
    expectError(await browser.get("/api/v1/me"), 401, "UNAUTHENTICATED");

    const withPassword = await signedUpClient(node.origin, "keeper");
    const refused = await withPassword.request("DELETE", "/api/v1/me", {});
    expectError(refused, 400, "VALIDATION_FAILED");
    expect(refused.json.error.details[0].field).toBe("password");
  });
});

describe("bad callbacks are refused and create nothing", () => {
  async function refused(tamper: (callback: URL) => void, before?: () => void) {
    const sub = newId();
    const username = uniqueName("bad");
    idp.addAccount(sub, { email: email(username), email_verified: true, preferred_username: username });
    before?.();
    const browser: Client = createClient(node.origin);
    let result;
    try {
      result = await signInWithIdp(browser, sub, { tamper });
    } finally {
      idp.corruptIdTokens(false);
    }
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/error=/);
    expect(browser.sessionToken).toBeUndefined();
    expect(await usersWithEmail(email(username))).toBe(0);
    expect(await accountsOf(sub)).toEqual([]);
  }

  it("a forged state", () => refused((u) => u.searchParams.set("state", "forged-state-value")));
  it("a missing state", () => refused((u) => u.searchParams.delete("state")));
  it("an authorization response from another issuer", () => refused((u) => u.searchParams.set("iss", "http://127.0.0.1:1/evil")));
  it("an id token whose signature does not verify", () =>
    refused(
      () => {},
      () => idp.corruptIdTokens(true),
    ));
  it("a code that was never issued", () => refused((u) => u.searchParams.set("code", "forged-code")));
});
