import { afterAll, beforeAll, beforeEach, describe, expect, it, inject } from "vitest";
import { useServices } from "@/test/services";
import { directDb } from "@/test/direct-db";

/**
 * Issue #10, at the service boundary: staff powers follow rank, report resolution is atomic,
 * staff edits are audited, and publishing an access change is the one way sockets learn of it.
 */
const { services, recorder, viewer } = useServices();
const db = directDb(inject("databaseUrl"));
afterAll(() => db.close());
beforeAll(() => services.categories.ensureDefault());
beforeEach(() => recorder.clear());

const soon = () => new Date(Date.now() + 60_000).toISOString();
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (err: { code?: string }) => err.code ?? String(err),
  );

describe("ban authority follows rank", () => {
  it("a moderator can neither lift nor shorten an admin's ban; the admin can", async () => {
    const [admin, mod, member] = await Promise.all([viewer("ADMIN"), viewer("MODERATOR"), viewer()]);
    await services.moderation.members.ban(admin, member.id, { reason: "spam" });
    expect(await code(services.moderation.members.unban(mod, member.id))).toBe("FORBIDDEN");
    expect(await code(services.moderation.members.ban(mod, member.id, { reason: "shorter", until: soon() }))).toBe("FORBIDDEN");
    expect((await services.moderation.members.unban(admin, member.id)).ban).toBeNull();
  });

  it("a moderator cannot shorten a permanent ban, even one a moderator set; lengthening a temporary one is fine", async () => {
    const [mod, other, member, member2] = await Promise.all([viewer("MODERATOR"), viewer("MODERATOR"), viewer(), viewer()]);
    await services.moderation.members.ban(mod, member.id, { reason: "for good" });
    expect(await code(services.moderation.members.ban(other, member.id, { reason: "a minute", until: soon() }))).toBe("FORBIDDEN");
    await services.moderation.members.ban(mod, member2.id, { reason: "a minute", until: soon() });
    expect(await code(services.moderation.members.ban(other, member2.id, { reason: "for good" }))).toBe("ok");
    // A moderator lifts a moderator's ban.
    expect(await code(services.moderation.members.unban(other, member2.id))).toBe("ok");
  });

  it("moderators cannot act on moderators or admins; admins cannot be banned", async () => {
    const [admin, mod, mod2] = await Promise.all([viewer("ADMIN"), viewer("MODERATOR"), viewer("MODERATOR")]);
    expect(await code(services.moderation.members.ban(mod, mod2.id, { reason: "x" }))).toBe("FORBIDDEN");
    expect(await code(services.moderation.members.ban(mod, admin.id, { reason: "x" }))).toBe("FORBIDDEN");
    await services.moderation.members.ban(admin, mod2.id, { reason: "x" });
    expect(await code(services.moderation.members.unban(mod, mod2.id))).toBe("FORBIDDEN");
  });
});

describe("access changes are published", () => {
  it("a ban ends the member's sessions with the ban's reason and end", async () => {
    const [mod, member] = await Promise.all([viewer("MODERATOR"), viewer()]);
    const until = soon();
    await services.moderation.members.ban(mod, member.id, { reason: "rude", until });
    expect(recorder.of("accessChanged")).toEqual([
      [{ userId: member.id, change: { kind: "ended", reason: "banned", ban: { reason: "rude", until: new Date(until).toISOString() } } }],
    ]);
  });

  it("a role change re-authorises the member's sockets", async () => {
    const [admin, member] = await Promise.all([viewer("ADMIN"), viewer()]);
    await services.moderation.members.setRole(admin, member.id, { role: "MODERATOR" });
    await services.moderation.members.setRole(admin, member.id, { role: "MEMBER" });
    expect(recorder.of("accessChanged")).toEqual([
      [{ userId: member.id, change: { kind: "role", role: "MODERATOR" } }],
      [{ userId: member.id, change: { kind: "role", role: "MEMBER" } }],
    ]);
  });
});

describe("report resolution is atomic", () => {
  it("two parallel resolutions: one succeeds, one gets CONFLICT; one audit row; the comment count stays right", async () => {
    const [author, reporter, mod1, mod2] = await Promise.all([viewer(), viewer(), viewer("MODERATOR"), viewer("MODERATOR")]);
    const { post } = await services.posts.create(author, { categorySlug: "general", title: "race", body: "b" });
    await services.comments.create(author, post.id, { body: "keep me" });
    const { comment } = await services.comments.create(author, post.id, { body: "report me" });
    const { report } = await services.reports.create(reporter, { targetType: "comment", targetId: comment.id, reason: "rude" });
    const outcomes = await Promise.all([
      code(services.moderation.reports.resolve(mod1, report.id, { action: "delete" })),
      code(services.moderation.reports.resolve(mod2, report.id, { action: "delete" })),
    ]);
    expect(outcomes.sort()).toEqual(["CONFLICT", "ok"]);
    const audit = await db.query(`SELECT action FROM "ModerationAction" WHERE "targetId" = ANY($1) ORDER BY action`, [
      [report.id, comment.id],
    ]);
    expect(audit.rows.map((a) => a.action)).toEqual(["comment.delete", "report.resolve"]);
    const row = await db.query(`SELECT "commentCount" FROM "Post" WHERE id = $1`, [post.id]);
    expect(row.rows[0].commentCount).toBe(1);
  });
});

describe("staff edits of other people's content are audited", () => {
  it("with before and after; an author's own edit is not", async () => {
    const [author, mod] = await Promise.all([viewer(), viewer("MODERATOR")]);
    const { post } = await services.posts.create(author, { categorySlug: "general", title: "Original", body: "first body" });
    const { comment } = await services.comments.create(author, post.id, { body: "first comment" });
    await services.posts.update(author, post.id, { body: "own edit" });
    await services.posts.update(mod, post.id, { title: "Edited by staff" });
    await services.comments.update(mod, comment.id, { body: "staff comment edit" });
    const { rows: entries } = await db.query(
      `SELECT action, "actorId", "targetUserId", before, after FROM "ModerationAction" WHERE "targetId" = ANY($1) ORDER BY "createdAt"`,
      [[post.id, comment.id]],
    );
    expect(entries).toEqual([
      { action: "post.edit", actorId: mod.id, targetUserId: author.id, before: { title: "Original" }, after: { title: "Edited by staff" } },
      {
        action: "comment.edit",
        actorId: mod.id,
        targetUserId: author.id,
        before: { body: "first comment" },
        after: { body: "staff comment edit" },
      },
    ]);
  });
});

describe("usernames: exact, case-insensitive, no wildcards", () => {
  const stem = () => `qz${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

  it("a profile lookup with _ or % matches no other member", async () => {
    const name = stem();
    await services.users.createAccount({
      email: `${name}@parley.test`,
      username: `${name}5`,
      password: "correct horse battery",
      role: "MEMBER",
    });
    expect(await code(services.profiles.get(`${name}_`, null))).toBe("NOT_FOUND");
    expect(await code(services.profiles.get(`${name}%`, null))).toBe("NOT_FOUND");
    expect((await services.profiles.get(`${name}5`.toUpperCase(), null)).user.username).toBe(`${name}5`);
  });

  it("@mentions notify exactly the member named, whatever the case, and nobody for wildcards", async () => {
    const name = stem();
    const [author, named] = await Promise.all([
      viewer(),
      services.users.createAccount({
        email: `${name}@parley.test`,
        username: `${name}x`,
        password: "correct horse battery",
        role: "MEMBER",
      }),
    ]);
    const { post } = await services.posts.create(author, { categorySlug: "general", title: "mentions", body: "b" });
    recorder.clear();
    await services.comments.create(author, post.id, { body: `hi @${name}_ and @___ and @${name}% there` });
    expect(recorder.of("notify").map(([userId]) => userId)).toEqual([]);
    await services.comments.create(author, post.id, { body: `hi @${name.toUpperCase()}X` });
    expect(recorder.of("notify").map(([userId]) => userId)).toEqual([named.id]);
  });

  it("two registrations differing only in case, at once: one account, one CONFLICT", async () => {
    const name = stem();
    const outcomes = await Promise.all(
      [`${name}Ab`, `${name}aB`].map((username, i) =>
        code(
          services.users.createAccount({ email: `${name}-${i}@parley.test`, username, password: "correct horse battery", role: "MEMBER" }),
        ),
      ),
    );
    expect(outcomes.sort()).toEqual(["CONFLICT", "ok"]);
  });

  it("the staff user search escapes wildcards, and only admins search by email", async () => {
    const [admin, mod] = await Promise.all([viewer("ADMIN"), viewer("MODERATOR")]);
    const name = stem();
    await services.users.createAccount({
      email: `${name}-secret@hidden.test`,
      username: `${name}_u`,
      password: "correct horse battery",
      role: "MEMBER",
    });
    expect((await services.moderation.members.list(mod, { q: `${name}%`, limit: 10, offset: 0 })).total).toBe(0);
    expect((await services.moderation.members.list(mod, { q: `${name}_`, limit: 10, offset: 0 })).total).toBe(1);
    expect((await services.moderation.members.list(mod, { q: `${name}-secret`, limit: 10, offset: 0 })).total).toBe(0);
    expect((await services.moderation.members.list(admin, { q: `${name}-secret`, limit: 10, offset: 0 })).total).toBe(1);
  });
});

describe("duplicate comments", () => {
  it("the same body from the same member on the same post within 5 minutes: 409; a retried clientId still returns the first", async () => {
    const author = await viewer();
    const { post } = await services.posts.create(author, { categorySlug: "general", title: "dupes", body: "b" });
    const { post: other } = await services.posts.create(author, { categorySlug: "general", title: "elsewhere", body: "b" });
    const first = await services.comments.create(author, post.id, { body: "+1 great post", clientId: "c-1" });
    expect((await services.comments.create(author, post.id, { body: "+1 great post", clientId: "c-1" })).comment.id).toBe(first.comment.id);
    expect(await code(services.comments.create(author, post.id, { body: "+1 great post" }))).toBe("CONFLICT");
    expect(await code(services.comments.create(author, other.id, { body: "+1 great post" }))).toBe("ok");
    expect(await code(services.comments.create(await viewer(), post.id, { body: "+1 great post" }))).toBe("ok");
  });
});
