import { afterAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { createClient, TEST_ADMIN_EMAIL, TEST_PASSWORD, uniqueName } from "@/test/harness";
import { expectError, expectOk, expectValidation } from "@/test/expect";
import { closeAllSockets, connectSocket, nextEvent } from "@/test/sockets";
import { mailsTo, tokenFrom, waitForMail } from "@/test/mail";
import { withCookieOf } from "@/test/accounts";

const server = useServer();
afterAll(closeAllSockets);

const verifyLink = async (to: string, n = 1) => tokenFrom(await waitForMail(server.mailDir, to, { n, subject: /confirm/i }), "/verify-email");
const resetLink = async (to: string, n = 1) => tokenFrom(await waitForMail(server.mailDir, to, { n, subject: /reset/i }), "/reset-password");

describe("email verification", () => {
  it("register mails a single-use link; POST /auth/verify-email 204 marks /me verified; reuse is INVALID_TOKEN", async () => {
    const member = await server.member("verify");
    expect((await member.get("/api/v1/me")).json.user).toMatchObject({ email: member.me.email, emailVerified: false, hasPassword: true });
    const mail = await waitForMail(server.mailDir, member.me.email, { subject: /confirm/i });
    expect(mail.html).toContain("/verify-email?token=");
    expect(mail.text).toContain(member.me.user.username);
    const token = tokenFrom(mail, "/verify-email");
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(32);

    expectOk(await server.anonymous().post("/api/v1/auth/verify-email", { token }), 204);
    expect((await member.get("/api/v1/me")).json.user.emailVerified).toBe(true);
    expectError(await server.anonymous().post("/api/v1/auth/verify-email", { token }), 400, "INVALID_TOKEN");
  });

  it("stores only a hash of the token", async () => {
    const member = await server.member("hashed");
    const token = await verifyLink(member.me.email);
    const { rows } = await server.db.query(`SELECT "tokenHash" FROM "AccountToken" WHERE "userId" = $1`, [member.me.user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(token);
    expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("400 INVALID_TOKEN for garbage, empty and expired tokens", async () => {
    const anon = server.anonymous();
    expectError(await anon.post("/api/v1/auth/verify-email", { token: "garbage" }), 400, "INVALID_TOKEN");
    expectError(await anon.post("/api/v1/auth/verify-email", { token: "" }), 400, "INVALID_TOKEN");
    expectValidation(await anon.post("/api/v1/auth/verify-email", {}), "token");
    const member = await server.member("expired");
    const token = await verifyLink(member.me.email);
    await server.db.query(`UPDATE "AccountToken" SET "expiresAt" = now() - interval '1 minute' WHERE "userId" = $1`, [member.me.user.id]);
    expectError(await anon.post("/api/v1/auth/verify-email", { token }), 400, "INVALID_TOKEN");
    expect((await member.get("/api/v1/me")).json.user.emailVerified).toBe(false);
  });

  it("POST /me/verify-email 202 mails a new link (401 signed out)", async () => {
    const member = await server.member("resend");
    await verifyLink(member.me.email);
    expectOk(await member.post("/api/v1/me/verify-email"), 202);
    const second = await verifyLink(member.me.email, 2);
    expectOk(await server.anonymous().post("/api/v1/auth/verify-email", { token: second }), 204);
    expectError(await server.anonymous().post("/api/v1/me/verify-email"), 401, "UNAUTHENTICATED");
  });

  it("ADMIN_EMAILS grants ADMIN only once the address is verified (case-insensitively)", async () => {
    const client = createClient(server.origin);
    const admin = await client.signUp(uniqueName("owner"), { email: TEST_ADMIN_EMAIL.toUpperCase() });
    expect(admin.user.role).toBe("MEMBER");
    expect((await client.get("/api/v1/me")).json.user.role).toBe("MEMBER");
    expectError(await client.get("/api/v1/admin/reports?status=open"), 403, "FORBIDDEN");
    const token = await verifyLink(TEST_ADMIN_EMAIL);
    expectOk(await server.anonymous().post("/api/v1/auth/verify-email", { token }), 204);
    expect((await client.get("/api/v1/me")).json.user).toMatchObject({ role: "ADMIN", emailVerified: true });
  });
});

describe("forgotten passwords", () => {
  it("202 for an unknown address, and no mail", async () => {
    const nobody = `nobody-${uniqueName()}@nowhere.test`;
    expectOk(await server.anonymous().post("/api/v1/auth/password/forgot", { email: nobody }), 202);
    const member = await server.member("forgot-barrier");
    // The known address's mail is queued after the unknown one's would have been.
    expectOk(await server.anonymous().post("/api/v1/auth/password/forgot", { email: member.me.email }), 202);
    await resetLink(member.me.email);
    expect(await mailsTo(server.mailDir, nobody)).toEqual([]);
  });

  it("reset through the mailed link: 204, every session ends (sockets told), the new password signs in", async () => {
    const member = await server.member("reset");
    const otherTab = withCookieOf(member);
    const socket = await connectSocket(server.origin, otherTab);

    expectOk(await server.anonymous().post("/api/v1/auth/password/forgot", { email: member.me.email.toUpperCase() }), 202);
    const token = await resetLink(member.me.email);
    const newPassword = "a brand new passphrase";
    const ended = nextEvent(socket, "session:ended", () => true, 1000);
    expectOk(await server.anonymous().post("/api/v1/auth/password/reset", { token, password: newPassword }), 204);

    expect(await ended).toEqual({ reason: "password-changed" });
    expectError(await member.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expectError(await otherTab.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expect((await createClient(server.origin).trySignIn(member.me.email, TEST_PASSWORD)).ok).toBe(false);
    await member.signIn(member.me.email, newPassword);
    expectOk(await member.get("/api/v1/me"));
    // Single use.
    expectError(await server.anonymous().post("/api/v1/auth/password/reset", { token, password: "yet another passphrase" }), 400, "INVALID_TOKEN");
  });

  it("refuses a weak password (nothing changes) and bad tokens", async () => {
    const member = await server.member("weak");
    await server.anonymous().post("/api/v1/auth/password/forgot", { email: member.me.email });
    const token = await resetLink(member.me.email);
    expectValidation(await server.anonymous().post("/api/v1/auth/password/reset", { token, password: "short" }), "password");
    expectValidation(await server.anonymous().post("/api/v1/auth/password/reset", { token, password: "password123" }), "password");
    expectValidation(await server.anonymous().post("/api/v1/auth/password/reset", { token, password: "x".repeat(257) }), "password");
    expectOk(await member.get("/api/v1/me"));
    expectError(await server.anonymous().post("/api/v1/auth/password/reset", { token: "nope", password: "a fine passphrase" }), 400, "INVALID_TOKEN");
    // A verification token is not a reset token.
    const verify = await verifyLink(member.me.email);
    expectError(await server.anonymous().post("/api/v1/auth/password/reset", { token: verify, password: "a fine passphrase" }), 400, "INVALID_TOKEN");
    // The real one still works after all that.
    expectOk(await server.anonymous().post("/api/v1/auth/password/reset", { token, password: "a fine passphrase" }), 204);
  });

  it("400 VALIDATION_FAILED for a malformed address", async () => {
    expectValidation(await server.anonymous().post("/api/v1/auth/password/forgot", { email: "not an email" }), "email");
  });
});

describe("POST /api/v1/me/password", () => {
  it("changes the password: 204, this session stays, the others end", async () => {
    const member = await server.member("change");
    const other = createClient(server.origin);
    await other.signIn(member.me.email, member.me.password);
    const socket = await connectSocket(server.origin, other);
    const mine = await connectSocket(server.origin, member);
    const ended = nextEvent(socket, "session:ended", () => true, 1000);
    let mineEnded = false;
    mine.on("session:ended", () => (mineEnded = true));

    const res = await member.post("/api/v1/me/password", { currentPassword: member.me.password, newPassword: "changed passphrase 2" });
    expectOk(res, 204);
    expect(await ended).toEqual({ reason: "password-changed" });
    expectError(await other.get("/api/v1/me"), 401, "UNAUTHENTICATED");
    expectOk(await member.get("/api/v1/me"));
    expect(await mine.timeout(2000).emitWithAck("subscribe", { room: "forum" })).toMatchObject({ ok: true });
    expect(mineEnded).toBe(false);
    await createClient(server.origin).signIn(member.me.email, "changed passphrase 2");
    await waitForMail(server.mailDir, member.me.email, { subject: /changed/i });
  });

  it("a wrong current password is 400 with a currentPassword detail; a common new one is refused", async () => {
    const member = await server.member("wrongcurrent");
    const wrong = await member.post("/api/v1/me/password", { currentPassword: "not it at all", newPassword: "changed passphrase 3" });
    expectValidation(wrong, "currentPassword");
    expectValidation(await member.post("/api/v1/me/password", { currentPassword: member.me.password, newPassword: "qwertyuiop" }), "newPassword");
    await createClient(server.origin).signIn(member.me.email, member.me.password);
    expectError(await server.anonymous().post("/api/v1/me/password", { currentPassword: "a", newPassword: "changed passphrase 4" }), 401, "UNAUTHENTICATED");
  });
});
