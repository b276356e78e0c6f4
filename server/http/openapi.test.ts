import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { useServer } from "@/test/context";
import type { ApiResponse, Client, RequestOptions, SignedUp } from "@/test/harness";
import { png } from "@/test/images";
import { ZError } from "../shapes";
import { OPERATIONS } from "./operations";
import { unsubscribeToken } from "@/server/account-data/unsubscribe-token";

const server = useServer();
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: { name: string; in: string }[] }>>;
  components: { schemas: Record<string, unknown> };
};
let doc: Doc;
let res: ApiResponse;

beforeAll(async () => {
  res = await server.anonymous().get("/api/v1/openapi.json");
  doc = res.json;
});

const findOperation = (method: string, template: string) => OPERATIONS.find((o) => o.method === method && o.path === template);

describe("GET /api/v1/openapi.json", () => {
  it("is served as JSON to anyone", () => {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("is a valid OpenAPI 3.x document", async () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // Validating holds this worker's event loop for seconds, past the server's keep-alive
    // timeout: the pooled connection it closed meanwhile fails the next request once. Spend
    // that on a throwaway read, not on the next test's sign-up.
    await server
      .anonymous()
      .get("/api/health")
      .catch(() => {});
  });

  it("documents exactly the declared operations", () => {
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(OPERATIONS.map((o) => `${o.method} ${o.path}`).sort());
  });

  it("routes every declared operation (none answers the router's 'no such endpoint')", async () => {
    const member = await server.member("router");
    for (const op of OPERATIONS) {
      const concrete = op.path.replace(/\{\w+\}/g, crypto.randomUUID());
      const r = await member.request(op.method, concrete, op.method === "GET" || op.method === "DELETE" ? undefined : {});
      expect(r.json?.error?.message, `${op.method} ${op.path}`).not.toBe("no such endpoint");
    }
  });

  it("answers an undeclared path or method with 404 in the contract's error shape", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/nope"],
      ["DELETE", "/api/v1/categories"],
      ["GET", "/api/v1/posts/x/y/z"],
    ]) {
      const r = await server.anonymous().request(method, path);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(ZError.parse(r.json).error.code).toBe("NOT_FOUND");
      expect(r.headers.get("x-request-id")).toBe(r.json.error.requestId);
    }
  });

  it("declares each path parameter, gives request bodies to writes, and resolves every $ref", () => {
    const text = JSON.stringify(doc);
    for (const [, name] of text.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)) expect(doc.components.schemas).toHaveProperty(name);
    for (const [p, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        for (const [, param] of p.matchAll(/\{(\w+)\}/g))
          expect(op.parameters, `${method} ${p}`).toContainEqual(expect.objectContaining({ name: param, in: "path" }));
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        if (method !== "get" && method !== "delete") expect(op, `${method} ${p}`).toHaveProperty("requestBody");
        // A cross-site write (the one-click unsubscribe) is exactly the one the Origin check lets through.
        const crossSite = OPERATIONS.find((o) => o.path === p && o.method.toLowerCase() === method)?.crossSite;
        if (method !== "get" && !crossSite) expect(op.responses, `${method} ${p} can be refused cross-site`).toHaveProperty("403");
      }
  });

  it("documents 503 UNAVAILABLE with Retry-After on every operation that reaches the database", () => {
    type Response = { description: string; headers?: Record<string, unknown> };
    for (const op of OPERATIONS) {
      const unavailable = (doc.paths[op.path][op.method.toLowerCase()].responses as Record<string, Response>)["503"];
      const where = `${op.method} ${op.path}`;
      if (op.path === "/api/health") expect(unavailable.description, where).toBe("Unavailable");
      // Answered without the database (this document, stored avatars): no 503 of theirs.
      else if (op.session === false) expect(unavailable, where).toBeUndefined();
      else {
        expect(unavailable?.description, where).toContain("UNAVAILABLE");
        expect(unavailable.headers, where).toHaveProperty("Retry-After");
      }
    }
  });

  it("documents the request limits from the zod schemas themselves", () => {
    const s = doc.components.schemas as Record<string, { properties: Record<string, { maxLength?: number; maximum?: number }> }>;
    expect(s.CreatePostBody.properties.title.maxLength).toBe(200);
    expect(s.CreateCommentBody.properties.body.maxLength).toBe(20_000);
    const limit = doc.paths["/api/v1/posts/{id}/comments"].get.parameters!.find((p) => p.name === "limit") as unknown as {
      schema: { maximum: number };
    };
    expect(limit.schema.maximum).toBe(200);
  });
});

describe("real responses match the documented shapes", () => {
  let alice: Client & { me: SignedUp };
  let bob: Client & { me: SignedUp };
  beforeAll(async () => {
    [alice, bob] = await Promise.all([server.member("alice"), server.member("bob")]);
  });

  const exercised = new Set<string>();
  afterAll(() => {
    // A new operation must join the walk below, so its real responses are checked too.
    const missed = OPERATIONS.map((o) => `${o.method} ${o.path}`).filter((k) => !exercised.has(k));
    expect(missed, "operations the shape walk does not call").toEqual([]);
  });

  /** Calls the API and checks the body against the schema the operation declares for that status. */
  async function call(
    client: Client,
    method: string,
    template: string,
    concrete: string,
    body?: unknown,
    status?: number,
    opts?: RequestOptions,
  ) {
    const r = await client.request(method, concrete, body, opts);
    if (status) expect(r.status, `${method} ${concrete}: ${r.text}`).toBe(status);
    else expect(r.status, `${method} ${concrete}: ${r.text}`).toBeLessThan(400);
    const op = findOperation(method, template);
    expect(op, `${method} ${template} is declared`).toBeTruthy();
    exercised.add(`${method} ${template}`);
    if (r.status >= 400) {
      ZError.parse(r.json);
      const code = r.json.error.code;
      expect([...op!.errors, "INTERNAL"], `${method} ${template} answered ${r.status} ${code}`).toContain(code);
      return r;
    }
    const schema = (op!.ok as Record<number, z.ZodType | null | undefined>)[r.status];
    expect(schema, `${method} ${template} answered an undeclared ${r.status}`).not.toBeUndefined();
    if (schema) (schema as z.ZodType).parse(r.json);
    return r;
  }

  it("for every documented operation, as member, staff and anonymous", async () => {
    const anon = server.anonymous();
    const mod = await server.moderator();
    await call(anon, "GET", "/api/health", "/api/health");
    await call(anon, "GET", "/api/v1/openapi.json", "/api/v1/openapi.json");
    await call(anon, "GET", "/api/v1/categories", "/api/v1/categories");
    await call(alice, "GET", "/api/v1/me", "/api/v1/me");
    await call(anon, "GET", "/api/v1/me", "/api/v1/me", undefined, 401);
    const p = (
      await call(alice, "POST", "/api/v1/posts", "/api/v1/posts", {
        categorySlug: "general",
        title: "Shapes",
        body: "**b**",
        clientId: "shape-1",
      })
    ).json.post;
    await call(alice, "POST", "/api/v1/posts", "/api/v1/posts", {
      categorySlug: "general",
      title: "Shapes",
      body: "b",
      clientId: "shape-1",
    });
    await call(mod, "GET", "/api/v1/posts/{id}", `/api/v1/posts/${p.id}`);
    await call(anon, "GET", "/api/v1/posts/{id}", `/api/v1/posts/${p.id}`);
    await call(anon, "GET", "/api/v1/posts", "/api/v1/posts?limit=2");
    await call(anon, "GET", "/api/v1/categories/{slug}/posts", "/api/v1/categories/general/posts?limit=2");
    await call(alice, "PATCH", "/api/v1/posts/{id}", `/api/v1/posts/${p.id}`, { title: "Shapes!" });
    await call(mod, "PATCH", "/api/v1/posts/{id}", `/api/v1/posts/${p.id}`, { body: "edited by staff" });
    const c = (
      await call(bob, "POST", "/api/v1/posts/{id}/comments", `/api/v1/posts/${p.id}/comments`, { body: `hi @${alice.me.user.username}` })
    ).json.comment;
    await call(mod, "GET", "/api/v1/posts/{id}/comments", `/api/v1/posts/${p.id}/comments`);
    await call(anon, "GET", "/api/v1/comments/{id}", `/api/v1/comments/${c.id}`);
    await call(bob, "PATCH", "/api/v1/comments/{id}", `/api/v1/comments/${c.id}`, { body: "edited" });
    await call(bob, "PUT", "/api/v1/posts/{id}/reaction", `/api/v1/posts/${p.id}/reaction`, { kind: "LIKE" });
    await call(bob, "DELETE", "/api/v1/posts/{id}/reaction", `/api/v1/posts/${p.id}/reaction`);
    await call(alice, "PUT", "/api/v1/comments/{id}/reaction", `/api/v1/comments/${c.id}/reaction`, { kind: "INSIGHT" });
    await call(alice, "DELETE", "/api/v1/comments/{id}/reaction", `/api/v1/comments/${c.id}/reaction`);
    await call(alice, "GET", "/api/v1/posts/{id}", `/api/v1/posts/${p.id}`);
    await call(alice, "GET", "/api/v1/notifications", "/api/v1/notifications");
    await call(alice, "POST", "/api/v1/notifications/read", "/api/v1/notifications/read", {});
    await call(alice, "POST", "/api/v1/posts/{id}/comments", `/api/v1/posts/${p.id}/comments`, { body: "a reply", replyToId: c.id });
    await call(bob, "GET", "/api/v1/notifications", "/api/v1/notifications?unread=1&limit=5");
    await call(bob, "PUT", "/api/v1/posts/{id}/read", `/api/v1/posts/${p.id}/read`, { seq: 1 }, 204);
    await call(bob, "PUT", "/api/v1/posts/{id}/watch", `/api/v1/posts/${p.id}/watch`, { level: "watching" });
    await call(bob, "PUT", "/api/v1/categories/{slug}/watch", "/api/v1/categories/general/watch", { level: "normal" });
    await call(bob, "GET", "/api/v1/posts", "/api/v1/posts?filter=unread&limit=2");
    await call(anon, "GET", "/api/v1/users", `/api/v1/users?prefix=${bob.me.user.username.slice(0, 4)}&limit=3`);
    await call(bob, "PUT", "/api/v1/drafts/{key}", `/api/v1/drafts/post:${p.id}`, { body: "half a thought" }, 204);
    await call(bob, "GET", "/api/v1/drafts/{key}", `/api/v1/drafts/post:${p.id}`);
    await call(bob, "DELETE", "/api/v1/drafts/{key}", `/api/v1/drafts/post:${p.id}`, undefined, 204);
    await call(bob, "GET", "/api/v1/drafts/{key}", `/api/v1/drafts/post:${p.id}`, undefined, 404);
    await call(anon, "GET", "/api/v1/presence", "/api/v1/presence");
    await call(anon, "GET", "/api/v1/search", "/api/v1/search?q=shapes");
    await call(mod, "GET", "/api/v1/search", "/api/v1/search?q=edited&include=deleted");
    await call(bob, "GET", "/api/v1/search", "/api/v1/search?q=", undefined, 400);
    await call(bob, "POST", "/api/v1/reports", "/api/v1/reports", { targetType: "post", targetId: p.id, reason: "checking shapes" });
    await call(anon, "GET", "/api/v1/users/{username}", `/api/v1/users/${bob.me.user.username}`);
    await call(anon, "POST", "/api/v1/auth/register", "/api/v1/auth/register", { email: "x", username: "x", password: "x" }, 400);
    await call(bob, "GET", "/api/v1/admin/stats", "/api/v1/admin/stats", undefined, 403);
    await call(mod, "GET", "/api/v1/admin/stats", "/api/v1/admin/stats");
    const queue = (await call(mod, "GET", "/api/v1/admin/reports", "/api/v1/admin/reports?status=open&limit=200")).json.reports;
    const report = queue.find((r: { targetId: string }) => r.targetId === p.id);
    await call(mod, "PATCH", "/api/v1/admin/comments/{id}", `/api/v1/admin/comments/${c.id}`, { hidden: true, reason: "shapes" });
    await call(mod, "PATCH", "/api/v1/admin/comments/{id}", `/api/v1/admin/comments/${c.id}`, { hidden: false });
    await call(mod, "PATCH", "/api/v1/admin/posts/{id}", `/api/v1/admin/posts/${p.id}`, { pinned: true, reason: "shapes" });
    await call(mod, "POST", "/api/v1/admin/reports/{id}/resolve", `/api/v1/admin/reports/${report.id}/resolve`, {
      action: "lock",
      note: "ok",
    });
    const admin = await server.member("admin");
    await server.db.setRole(admin.me.user.id, "ADMIN");
    const carol = await server.member("carol");
    await call(admin, "GET", "/api/v1/admin/users", "/api/v1/admin/users?limit=3");
    await call(admin, "PATCH", "/api/v1/admin/users/{id}", `/api/v1/admin/users/${carol.me.user.id}`, { role: "MODERATOR" });
    await call(admin, "POST", "/api/v1/admin/users/{id}/ban", `/api/v1/admin/users/${bob.me.user.id}/ban`, { reason: "shapes" });
    // Only the rank that set a ban (or higher) lifts it.
    await call(admin, "POST", "/api/v1/admin/users/{id}/unban", `/api/v1/admin/users/${bob.me.user.id}/unban`);
    const slug = `shapes-${Date.now().toString(36)}`;
    await call(admin, "POST", "/api/v1/admin/categories", "/api/v1/admin/categories", { slug, name: "Shapes" });
    await call(admin, "PATCH", "/api/v1/admin/categories/{slug}", `/api/v1/admin/categories/${slug}`, { name: "Shapes!" });
    await call(mod, "GET", "/api/v1/admin/audit", "/api/v1/admin/audit?limit=20");
    await bob.signIn(bob.me.email, bob.me.password); // the ban ended bob's session
    await call(bob, "DELETE", "/api/v1/comments/{id}", `/api/v1/comments/${c.id}`);
    await call(alice, "DELETE", "/api/v1/posts/{id}", `/api/v1/posts/${p.id}`);
    await call(anon, "GET", "/api/v1/posts/{id}", `/api/v1/posts/${p.id}`, undefined, 404);
    // Accounts: verification, passwords and sessions (a member of their own, so the others keep theirs).
    const dana = await server.member("dana");
    await call(anon, "POST", "/api/v1/auth/verify-email", "/api/v1/auth/verify-email", { token: "not-a-real-token" }, 400);
    await call(dana, "POST", "/api/v1/me/verify-email", "/api/v1/me/verify-email", undefined, 202);
    await call(anon, "POST", "/api/v1/auth/password/forgot", "/api/v1/auth/password/forgot", { email: "nobody@example.com" }, 202);
    await call(anon, "POST", "/api/v1/auth/password/reset", "/api/v1/auth/password/reset", { token: "not-a-real-token", password: "a long new password 42" }, 400);
    // Without the sign-up cookie a provider callback sets (server/identity/identity.api.test.ts walks the flow).
    await call(anon, "POST", "/api/v1/auth/provider-signup", "/api/v1/auth/provider-signup", { username: "newcomer" }, 400);
    await call(dana, "POST", "/api/v1/me/password", "/api/v1/me/password", { currentPassword: "wrong password here", newPassword: "a long new password 42" }, 400);
    await call(dana, "GET", "/api/v1/me/sessions", "/api/v1/me/sessions");
    await call(dana, "DELETE", "/api/v1/me/sessions/{id}", `/api/v1/me/sessions/${crypto.randomUUID()}`, undefined, 404);
    await call(dana, "DELETE", "/api/v1/me/sessions", "/api/v1/me/sessions", undefined, 204);
    // Account data: the export, mail preferences, unsubscribe links, deletion (one's own and by an admin).
    const erin = await server.member("erin");
    await call(erin, "GET", "/api/v1/me/export", "/api/v1/me/export");
    await call(erin, "GET", "/api/v1/me/preferences", "/api/v1/me/preferences");
    await call(erin, "PATCH", "/api/v1/me/preferences", "/api/v1/me/preferences", { emailNotifications: true });
    const unsubscribe = unsubscribeToken(server.secret, erin.me.user.id);
    await call(anon, "GET", "/api/v1/unsubscribe/{token}", `/api/v1/unsubscribe/${unsubscribe}`);
    await call(anon, "POST", "/api/v1/unsubscribe/{token}", `/api/v1/unsubscribe/${unsubscribe}`, undefined, 204);
    await call(anon, "POST", "/api/v1/unsubscribe/{token}", `/api/v1/unsubscribe/${erin.me.user.id}.forged`, undefined, 400);
    await call(admin, "DELETE", "/api/v1/admin/users/{id}", `/api/v1/admin/users/${carol.me.user.id}`, undefined, 204);
    await call(erin, "DELETE", "/api/v1/me", "/api/v1/me", { password: "not erin's password" }, 400);
    await call(erin, "DELETE", "/api/v1/me", "/api/v1/me", { password: erin.me.password }, 204);
    // Profile: bio, language, avatar (a raw image body), and the avatar's own URL.
    await call(dana, "PATCH", "/api/v1/me", "/api/v1/me", { bio: "shapes", locale: "en" });
    await call(dana, "PATCH", "/api/v1/me", "/api/v1/me", { locale: "xx" }, 400);
    const image = { rawBody: await png(32, 32), headers: { "content-type": "image/png" } };
    const avatarUrl = (await call(dana, "PUT", "/api/v1/me/avatar", "/api/v1/me/avatar", undefined, 200, image)).json.user.avatarUrl;
    await call(dana, "PUT", "/api/v1/me/avatar", "/api/v1/me/avatar", undefined, 400, {
      ...image,
      headers: { "content-type": "text/plain" },
    });
    await call(anon, "GET", "/api/v1/avatars/{file}", avatarUrl, undefined, 200);
    await call(anon, "GET", "/api/v1/avatars/{file}", `/api/v1/avatars/${"0".repeat(64)}.webp`, undefined, 404);
    await call(dana, "GET", "/api/v1/me", "/api/v1/me");
    await call(dana, "DELETE", "/api/v1/me/avatar", "/api/v1/me/avatar", undefined, 204);
  });
});
