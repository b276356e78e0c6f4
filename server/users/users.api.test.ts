import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { createClient, mintSessionToken, SESSION_COOKIE, TEST_PASSWORD, uniqueName } from "@/test/harness";
import { expectError, expectOk, expectValidation } from "@/test/expect";

const server = useServer();
const email = (name: string) => `${name.toLowerCase()}@members.parley.test`;

describe("POST /api/v1/auth/register", () => {
  it("creates a member: 201 with the public user and no secrets", async () => {
    const name = uniqueName("reg");
    const res = await server.anonymous().post("/api/v1/auth/register", { email: email(name), username: name, password: TEST_PASSWORD });
    expectOk(res, 201);
    expect(res.json.user).toMatchObject({ username: name, role: "MEMBER" });
    expect(res.json.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.text).not.toMatch(/password|argon/i);
  });

  it("409 CONFLICT with details when the email is taken", async () => {
    const name = uniqueName("dupe");
    const client = server.anonymous();
    await client.register({ email: email(name), username: name, password: TEST_PASSWORD });
    const res = await client.post("/api/v1/auth/register", {
      email: email(name).toUpperCase(),
      username: uniqueName("other"),
      password: TEST_PASSWORD,
    });
    expectError(res, 409, "CONFLICT");
    expect(res.json.error.details).toEqual([{ field: "email", message: expect.any(String) }]);
  });

  it("409 CONFLICT with details when the username is taken, whatever its case", async () => {
    const name = uniqueName("dupe");
    const client = server.anonymous();
    await client.register({ email: email(name), username: name, password: TEST_PASSWORD });
    const res = await client.post("/api/v1/auth/register", {
      email: email(uniqueName("fresh")),
      username: name.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expectError(res, 409, "CONFLICT");
    expect(res.json.error.details).toEqual([{ field: "username", message: expect.any(String) }]);
  });

  it("400 VALIDATION_FAILED with one detail per bad field", async () => {
    const res = await server.anonymous().post("/api/v1/auth/register", { email: "not-an-email", username: "x", password: "short" });
    expectValidation(res, "email", "username", "password");
    expect(res.json.error.details).toHaveLength(3);
  });

  it("400 VALIDATION_FAILED for missing fields and wrong types", async () => {
    expectValidation(await server.anonymous().post("/api/v1/auth/register", {}), "email", "username", "password");
    expectValidation(
      await server.anonymous().post("/api/v1/auth/register", { email: 1, username: ["a"], password: null }),
      "email",
      "username",
      "password",
    );
    expectValidation(
      await server
        .anonymous()
        .post("/api/v1/auth/register", { email: email(uniqueName("u")), username: "bad name!", password: TEST_PASSWORD }),
      "username",
    );
  });
});

describe("sign-in (NextAuth credentials)", () => {
  it("issues a session cookie that /me accepts", async () => {
    const client = await server.member("signin");
    expect(client.sessionToken).toBeTruthy();
    const me = await client.get("/api/v1/me");
    expectOk(me);
    expect(me.json.user).toMatchObject({ id: client.me.user.id, username: client.me.user.username, role: "MEMBER" });
  });

  it("accepts the email in any case", async () => {
    const client = await server.member("case");
    const again = createClient(server.origin);
    await again.signIn(client.me.email.toUpperCase(), TEST_PASSWORD);
    expectOk(await again.get("/api/v1/me"));
  });

  it("answers an unknown email and a wrong password identically", async () => {
    const known = await server.member("known");
    const wrongPassword = await createClient(server.origin).trySignIn(known.me.email, "not the password");
    const unknownEmail = await createClient(server.origin).trySignIn(`nobody-${uniqueName()}@nowhere.test`, "not the password");
    expect(wrongPassword.ok).toBe(false);
    expect(unknownEmail.ok).toBe(false);
    expect(wrongPassword.status).toBe(unknownEmail.status);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
  });

  it("refuses a banned member at sign-in", async () => {
    const client = await server.member("bannedsignin");
    await server.db.ban(client.me.user.id, "spam");
    const res = await createClient(server.origin).trySignIn(client.me.email, TEST_PASSWORD);
    expect(res.ok).toBe(false);
  });
});

describe("NextAuth's own endpoints", () => {
  it("GET /api/auth/session describes the signed-in user (id, username, role) and nothing secret", async () => {
    const client = await server.member("session");
    const res = await client.get("/api/auth/session");
    expect(res.status).toBe(200);
    expect(res.json.user).toEqual({ id: client.me.user.id, username: client.me.user.username, role: "MEMBER" });
    expect(res.text).not.toMatch(/password|sv|sessionVersion/i);
    expect(
      await server
        .anonymous()
        .get("/api/auth/session")
        .then((r) => r.json),
    ).toEqual({});
  });

  it("lists the credentials provider", async () => {
    const res = await server.anonymous().get("/api/auth/providers");
    expect(res.json.credentials).toMatchObject({ id: "credentials", type: "credentials" });
  });

  it("signing out clears the session cookie", async () => {
    const client = await server.member("signout");
    const csrf = (await client.get("/api/auth/csrf")).json.csrfToken;
    const res = await client.request("POST", "/api/auth/signout", undefined, {
      rawBody: new URLSearchParams({ csrfToken: csrf, json: "true" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(200);
    expect(client.sessionToken).toBeUndefined();
    expectError(await client.get("/api/v1/me"), 401, "UNAUTHENTICATED");
  });
});

describe("GET /api/v1/me", () => {
  it("401 UNAUTHENTICATED without a session", async () => {
    expectError(await server.anonymous().get("/api/v1/me"), 401, "UNAUTHENTICATED");
  });

  it("reflects a role change at once (roles are read per request, not from the token)", async () => {
    const client = await server.member("promote");
    await server.db.setRole(client.me.user.id, "MODERATOR");
    expect((await client.get("/api/v1/me")).json.user.role).toBe("MODERATOR");
  });
});

describe("session validation", () => {
  const write = (client: ReturnType<typeof server.anonymous>) =>
    client.post("/api/v1/posts", { categorySlug: "general", title: "t", body: "b" });

  it("treats a cookie signed with another secret as anonymous (401 on writes)", async () => {
    const real = await server.member("forged");
    const forger = server.anonymous();
    const sid = await server.db.createSession(real.me.user.id);
    const token = await mintSessionToken("an-entirely-different-secret-of-32+chars", { sub: real.me.user.id, sv: 0, sid, role: "ADMIN" });
    forger.setCookie(SESSION_COOKIE, token);
    expectError(await write(forger), 401, "UNAUTHENTICATED");
    expectError(await forger.get("/api/v1/me"), 401, "UNAUTHENTICATED");
  });

  it("treats garbage in the session cookie as anonymous", async () => {
    const client = server.anonymous();
    client.setCookie(SESSION_COOKIE, "not.a.jwe.at-all");
    expectError(await client.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expectError(await write(client), 401, "UNAUTHENTICATED");
  });

  it("accepts a token minted with the node's secret (the check above is not vacuous)", async () => {
    const real = await server.member("minted");
    const client = server.anonymous();
    const sid = await server.db.createSession(real.me.user.id);
    client.setCookie(SESSION_COOKIE, await mintSessionToken(server.secret, { sub: real.me.user.id, sv: 0, sid }));
    expect((await client.get("/api/v1/me")).json?.user?.id).toBe(real.me.user.id);
  });

  it("refuses an expired token", async () => {
    const real = await server.member("expired");
    const client = server.anonymous();
    const sid = await server.db.createSession(real.me.user.id);
    client.setCookie(SESSION_COOKIE, await mintSessionToken(server.secret, { sub: real.me.user.id, sv: 0, sid }, -120));
    expectError(await client.get("/api/v1/me"), 401, "UNAUTHENTICATED");
  });

  it("refuses a token for a user that does not exist", async () => {
    const client = server.anonymous();
    client.setCookie(SESSION_COOKIE, await mintSessionToken(server.secret, { sub: crypto.randomUUID(), sv: 0 }));
    expectError(await client.get("/api/v1/me"), 401, "UNAUTHENTICATED");
  });

  it("revokes sessions when the session version is bumped (401)", async () => {
    const client = await server.member("revoked");
    expectOk(await client.get("/api/v1/me"));
    await server.db.bumpSessionVersion(client.me.user.id);
    expectError(await client.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expectError(await write(client), 401, "UNAUTHENTICATED");
    await client.signIn(client.me.email, client.me.password);
    expectOk(await client.get("/api/v1/me"));
  });

  it("gives a banned member 403 FORBIDDEN on writes; reads still work; unban restores", async () => {
    const client = await server.member("banned");
    await server.db.ban(client.me.user.id, "spamming links");
    const res = await write(client);
    expectError(res, 403, "FORBIDDEN");
    expect(res.json.error.message).toContain("spamming links");
    expectOk(await client.get("/api/v1/categories"));
    expect((await client.get("/api/v1/me")).json.user.ban).toMatchObject({ reason: "spamming links" });
    await server.db.unban(client.me.user.id);
    expectOk(await write(client), 201);
  });

  it("lets a ban with an end date in the past lapse", async () => {
    const client = await server.member("lapsed");
    await server.db.ban(client.me.user.id, "cool off", new Date(Date.now() - 60_000));
    expectOk(await write(client), 201);
  });
});

describe("GET /api/v1/users/:username", () => {
  it("returns the public profile with recent posts and comments", async () => {
    const author = await server.member("profile");
    const post = await author.post("/api/v1/posts", { categorySlug: "general", title: "Profile post", body: "hello" });
    await author.post(`/api/v1/posts/${post.json.post.id}/comments`, { body: "own comment" });
    const res = await server.anonymous().get(`/api/v1/users/${author.me.user.username.toUpperCase()}`);
    expectOk(res);
    expect(res.json.user).toMatchObject({ id: author.me.user.id, username: author.me.user.username, role: "MEMBER" });
    expect(res.json.posts.map((p: { id: string }) => p.id)).toContain(post.json.post.id);
    expect(res.json.comments[0]).toMatchObject({ body: "own comment", postTitle: "Profile post" });
    expect(res.text).not.toMatch(/email|passwordHash|sessionVersion/);
  });

  it("404 NOT_FOUND for an unknown username", async () => {
    expectError(await server.anonymous().get(`/api/v1/users/${uniqueName("ghost")}`), 404, "NOT_FOUND");
  });
});
