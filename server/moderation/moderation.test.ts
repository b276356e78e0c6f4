import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import type { Client } from "@/test/harness";
import { barrier, closeAllSockets, collect, connectSocket, nextEvent, subscribe, waitUntil } from "@/test/sockets";

const server = useServer();
afterAll(closeAllSockets);

let mod: Client & { me: { user: { id: string; username: string } } };
beforeAll(async () => {
  mod = await server.moderator("mod");
});

const auditFor = async (targetId: string) =>
  (await mod.get(`/api/v1/admin/audit?limit=200`)).json.entries.filter((e: { targetId: string }) => e.targetId === targetId);

describe("hiding content", () => {
  it("withdraws a hidden comment from a member's live view and the public API, while staff still see it", async () => {
    const author = await server.member("author");
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Hide me", body: "x" })).json.post;
    const comment = (await author.post(`/api/v1/posts/${post.id}/comments`, { body: "offensive" })).json.comment;
    const member = await connectSocket(server.origin);
    const staff = await connectSocket(server.origin, mod);
    await subscribe(member, `post:${post.id}`);
    await subscribe(staff, `post:${post.id}`);

    const withdrawn = nextEvent(member, "comment:deleted", (p) => p.id === comment.id);
    const marked = nextEvent(staff, "comment:updated", (p) => p.comment.id === comment.id && p.comment.hidden === true);
    const staffGotDeleted = collect(staff, "comment:deleted");
    const res = await mod.patch(`/api/v1/admin/comments/${comment.id}`, { hidden: true, reason: "rude" });
    expect(res.status).toBe(200);
    expect(res.json.comment.hidden).toBe(true);
    expect(await withdrawn).toEqual({ id: comment.id, postId: post.id });
    // The public comment:deleted is emitted just before the staff comment:updated, on the same
    // connection for a staff socket: once the update is here, a deletion would have been too.
    await marked;
    expect(staffGotDeleted).toEqual([]);

    const publicList = (await server.anonymous().get(`/api/v1/posts/${post.id}/comments`)).json.comments;
    expect(publicList.map((c: { id: string }) => c.id)).not.toContain(comment.id);
    expect((await author.get(`/api/v1/comments/${comment.id}`)).status).toBe(404);
    const staffList = (await mod.get(`/api/v1/posts/${post.id}/comments`)).json.comments;
    expect(staffList.find((c: { id: string }) => c.id === comment.id)).toMatchObject({ hidden: true });

    const entries = await auditFor(comment.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "comment.hide",
      actor: { id: mod.me.user.id },
      targetType: "comment",
      targetUserId: author.me.user.id,
      reason: "rude",
      before: { hidden: false },
      after: { hidden: true },
    });
  });

  it("withdraws a hidden post from forum pages and 404s it for members", async () => {
    const author = await server.member("author");
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Hidden post", body: "x" })).json.post;
    const forum = await connectSocket(server.origin);
    await subscribe(forum, "forum");
    const gone = nextEvent(forum, "post:deleted", (p) => p.id === post.id);
    await mod.patch(`/api/v1/admin/posts/${post.id}`, { hidden: true });
    await gone;
    expect((await author.get(`/api/v1/posts/${post.id}`)).status).toBe(404);
    expect((await mod.get(`/api/v1/posts/${post.id}`)).json.post.hidden).toBe(true);
  });
});

describe("post controls and the audit log", () => {
  it("locks, pins and moves a post with one audit entry each, and a locked post refuses comments live", async () => {
    const author = await server.member("author");
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Controls", body: "x" })).json.post;
    const watcher = await connectSocket(server.origin);
    await subscribe(watcher, `post:${post.id}`);
    const lockedLive = nextEvent(watcher, "post:updated", (p) => p.post.id === post.id && p.post.locked);
    expect((await mod.patch(`/api/v1/admin/posts/${post.id}`, { locked: true, pinned: true })).status).toBe(200);
    await lockedLive;
    const refused = await author.post(`/api/v1/posts/${post.id}/comments`, { body: "still here?" });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/locked/);

    const slug = `moved-${Math.random().toString(36).slice(2, 8)}`;
    const admin = await server.member("admin");
    await server.db.setRole(admin.me.user.id, "ADMIN");
    expect((await admin.post("/api/v1/admin/categories", { slug, name: "Moved" })).status).toBe(201);
    const moved = await mod.patch(`/api/v1/admin/posts/${post.id}`, { categorySlug: slug });
    expect(moved.json.post.category.slug).toBe(slug);

    const entries = await auditFor(post.id);
    const byAction = Object.fromEntries(entries.map((e: { action: string }) => [e.action, e]));
    expect(Object.keys(byAction).sort()).toEqual(["post.lock", "post.move", "post.pin"]);
    expect(byAction["post.lock"]).toMatchObject({ before: { locked: false }, after: { locked: true } });
    expect(byAction["post.move"]).toMatchObject({ before: { category: "general" }, after: { category: slug } });
  });

  it("a failed action leaves no audit entry", async () => {
    const author = await server.member("author");
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "No trace", body: "x" })).json.post;
    expect((await mod.patch(`/api/v1/admin/posts/${post.id}`, { categorySlug: "no-such-category", locked: true })).status).toBe(400);
    expect((await mod.patch(`/api/v1/admin/posts/${post.id}`, { locked: "yes" })).status).toBe(400);
    const admin = (await server.member("admin")) as Client & { me: { user: { id: string } } };
    await server.db.setRole(admin.me.user.id, "ADMIN");
    expect((await mod.post(`/api/v1/admin/users/${admin.me.user.id}/ban`, { reason: "nope" })).status).toBe(403);
    expect((await mod.post(`/api/v1/admin/users/${mod.me.user.id}/ban`, { reason: "me" })).status).toBe(403);
    expect(await auditFor(post.id)).toEqual([]);
    expect(await auditFor(admin.me.user.id)).toEqual([]);
    expect((await server.anonymous().get(`/api/v1/posts/${post.id}`)).json.post.locked).toBe(false);
  });

  it("staff deleting someone else's comment is audited; an author deleting their own is not", async () => {
    const author = await server.member("author");
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Deletes", body: "x" })).json.post;
    const mine = (await author.post(`/api/v1/posts/${post.id}/comments`, { body: "mine" })).json.comment;
    const theirs = (await author.post(`/api/v1/posts/${post.id}/comments`, { body: "theirs" })).json.comment;
    expect((await author.delete(`/api/v1/comments/${mine.id}`)).status).toBe(204);
    expect((await mod.delete(`/api/v1/comments/${theirs.id}`)).status).toBe(204);
    expect(await auditFor(mine.id)).toEqual([]);
    expect((await auditFor(theirs.id)).map((e: { action: string }) => e.action)).toEqual(["comment.delete"]);
  });
});

describe("malformed ids", () => {
  it("answer 404 on every admin action, never a database error", async () => {
    const admin = await server.member("admin");
    await server.db.setRole(admin.me.user.id, "ADMIN");
    for (const id of ["-".repeat(36), "not-an-id", "00000000-0000-4000-8000-000000000000"]) {
      expect((await mod.post(`/api/v1/admin/users/${id}/ban`, { reason: "x" })).status, id).toBe(404);
      expect((await mod.post(`/api/v1/admin/users/${id}/unban`)).status, id).toBe(404);
      expect((await admin.patch(`/api/v1/admin/users/${id}`, { role: "MODERATOR" })).status, id).toBe(404);
      expect((await mod.post(`/api/v1/admin/reports/${id}/resolve`, { action: "dismiss" })).status, id).toBe(404);
      expect((await mod.patch(`/api/v1/admin/posts/${id}`, { locked: true })).status, id).toBe(404);
      expect((await mod.patch(`/api/v1/admin/comments/${id}`, { hidden: true })).status, id).toBe(404);
    }
  });
});

describe("reports", () => {
  it("reach staff live and resolve by hiding the comment, closing the report", async () => {
    const author = await server.member("author");
    const reporter = await server.member("reporter");
    const post = (await author.post("/api/v1/posts", { categorySlug: "general", title: "Reported", body: "x" })).json.post;
    const comment = (await author.post(`/api/v1/posts/${post.id}/comments`, { body: "bad" })).json.comment;
    const staff = await connectSocket(server.origin, mod);
    const memberSocket = await connectSocket(server.origin, reporter);
    const memberSaw = collect(memberSocket, "report:changed");

    // Staff sockets hear every report on the node, other test files' too: wait for this one's.
    const staffSaw = collect(staff, "report:changed");
    const report = (await reporter.post("/api/v1/reports", { targetType: "comment", targetId: comment.id, reason: "insulting" })).json
      .report;
    await waitUntil(staff, "report:changed", () => staffSaw.some((p) => p.reportId === report.id));

    const queue = (await mod.get("/api/v1/admin/reports?status=open")).json.reports;
    const inQueue = queue.find((r: { id: string }) => r.id === report.id);
    expect(inQueue).toMatchObject({ reason: "insulting", target: { comment: { id: comment.id, body: "bad" }, postTitle: "Reported" } });

    const closed = nextEvent(staff, "report:changed", (p) => p.reportId === report.id);
    const res = await mod.post(`/api/v1/admin/reports/${report.id}/resolve`, { action: "hide", note: "insult" });
    expect(res.status).toBe(200);
    expect(res.json.report).toMatchObject({ status: "resolved", resolution: "hide" });
    expect((await mod.post(`/api/v1/admin/reports/${report.id}/resolve`, { action: "dismiss" })).status).toBe(409);
    expect((await server.anonymous().get(`/api/v1/posts/${post.id}/comments`)).json.comments).toEqual([]);
    const actions = [...(await auditFor(comment.id)), ...(await auditFor(report.id))].map((e: { action: string }) => e.action).sort();
    expect(actions).toEqual(["comment.hide", "report.resolve"]);
    // Both report:changed broadcasts have reached staff, so they have been emitted; a round-trip on
    // the member's socket comes back after anything those broadcasts sent it.
    await closed;
    await barrier(memberSocket);
    expect(memberSaw).toEqual([]);
  });
});
