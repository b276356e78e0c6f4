import { beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import type { Client } from "@/test/harness";

const server = useServer();

type Who = "anonymous" | "member" | "moderator" | "admin";
type Expect = Record<Who, number>;

let clients: Record<Who, Client>;
let ids: { post: string; comment: string; report: string; victim: string };

beforeAll(async () => {
  const admin = await server.member("admin");
  await server.db.setRole(admin.me.user.id, "ADMIN");
  clients = { anonymous: server.anonymous(), member: await server.member("member"), moderator: await server.moderator("mod"), admin };
  const author = await server.member("author");
  const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Matrix", body: "x" })).json.post;
  const comment = (await author.post(`/api/v1/posts/${post.id}/comments`, { body: "c" })).json.comment;
  const report = (await clients.member.post("/api/v1/reports", { targetType: "comment", targetId: comment.id, reason: "rude words" })).json
    .report;
  ids = { post: post.id, comment: comment.id, report: report.id, victim: author.me.user.id };
});

const STAFF: Expect = { anonymous: 401, member: 403, moderator: 200, admin: 200 };
const ADMIN_ONLY: Expect = { anonymous: 401, member: 403, moderator: 403, admin: 200 };

/** Every admin endpoint against every kind of visitor. Writes use harmless no-op bodies where they can. */
const cases: { name: string; expect: Expect; call: (c: Client) => Promise<{ status: number }> }[] = [
  { name: "GET reports", expect: STAFF, call: (c) => c.get("/api/v1/admin/reports?status=open") },
  { name: "GET audit", expect: STAFF, call: (c) => c.get("/api/v1/admin/audit") },
  { name: "GET stats", expect: STAFF, call: (c) => c.get("/api/v1/admin/stats") },
  { name: "GET users", expect: STAFF, call: (c) => c.get("/api/v1/admin/users") },
  { name: "PATCH post", expect: STAFF, call: (c) => c.patch(`/api/v1/admin/posts/${ids.post}`, { pinned: false }) },
  { name: "PATCH comment", expect: STAFF, call: (c) => c.patch(`/api/v1/admin/comments/${ids.comment}`, { hidden: false }) },
  { name: "POST unban", expect: STAFF, call: (c) => c.post(`/api/v1/admin/users/${ids.victim}/unban`) },
  { name: "PATCH user role", expect: ADMIN_ONLY, call: (c) => c.patch(`/api/v1/admin/users/${ids.victim}`, { role: "MEMBER" }) },
  {
    name: "POST category",
    expect: { anonymous: 401, member: 403, moderator: 403, admin: 201 },
    call: (c) => c.post("/api/v1/admin/categories", { slug: `cat-${Math.random().toString(36).slice(2, 8)}`, name: "New" }),
  },
  {
    name: "PATCH category",
    expect: ADMIN_ONLY,
    call: (c) => c.patch("/api/v1/admin/categories/general", { description: "Anything and everything." }),
  },
];

describe("admin API authorization matrix", () => {
  for (const tc of cases) {
    it(`${tc.name}: anonymous 401, member 403, moderator ${tc.expect.moderator}, admin ${tc.expect.admin}`, async () => {
      const got = {} as Expect;
      for (const who of ["anonymous", "member", "moderator", "admin"] as Who[]) got[who] = (await tc.call(clients[who])).status;
      expect(got).toEqual(tc.expect);
    });
  }

  it("ban and resolve: member 403, anonymous 401 (staff success is covered by the moderation tests)", async () => {
    for (const [who, status] of [
      ["anonymous", 401],
      ["member", 403],
    ] as const) {
      expect((await clients[who].post(`/api/v1/admin/users/${ids.victim}/ban`, { reason: "x" })).status).toBe(status);
      expect((await clients[who].post(`/api/v1/admin/reports/${ids.report}/resolve`, { action: "dismiss" })).status).toBe(status);
    }
  });
});

describe("admin pages", () => {
  const pages = ["/admin", "/admin/reports", "/admin/users", "/admin/audit"];
  it("send anonymous visitors to sign in, hide from members, open for staff", async () => {
    for (const page of pages) {
      const anon = await clients.anonymous.get(page);
      expect([302, 303, 307]).toContain(anon.status);
      expect(anon.headers.get("location")).toMatch(/\/signin/);
      expect((await clients.member.get(page)).status).toBe(404);
      expect((await clients.moderator.get(page)).status).toBe(200);
      expect((await clients.admin.get(page)).status).toBe(200);
    }
  });
});
