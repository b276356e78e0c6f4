import { beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "../dto";
import { ZNotification, ZPost } from "../shapes";
import { useServices } from "@/test/services";

/** Read positions, feeds and watch levels, at the service boundary over the real database. */
const { services, recorder, viewer } = useServices();
beforeEach(() => recorder.clear());

let n = 0;
async function freshCategory() {
  const slug = `follow-${Date.now().toString(36)}-${n++}`;
  await services.categories.create({ slug, name: `Follow ${slug}`, description: "" });
  return slug;
}
const comment = (who: Viewer, postId: string, body: string, replyToId?: string) =>
  services.comments.create(who, postId, { body, replyToId }).then((r) => r.comment);
const notifiedKinds = (userId: string) =>
  recorder
    .of("notify")
    .filter(([to]) => to === userId)
    .map(([, note]) => note.kind);

describe("read positions", () => {
  it("unreadCount is lastSeq - readSeq, exact under 10 concurrent writers; the position moves forward only and is clamped", async () => {
    const [author, reader, ...writers] = await Promise.all(Array.from({ length: 12 }, () => viewer()));
    const { post } = await services.posts.create(author, { categorySlug: "general", title: "Read me", body: "b" });
    // Never opened: readSeq null, nothing unread.
    expect(await services.posts.get(post.id, reader)).toMatchObject({ readSeq: null, unreadCount: 0 });

    await comment(author, post.id, "one");
    await comment(author, post.id, "two");
    await services.follow.markRead(reader, post.id, 2);
    await Promise.all(writers.map((w, i) => comment(w, post.id, `concurrent ${i}`)));

    const seen = await services.posts.get(post.id, reader);
    expect(ZPost.parse(seen)).toMatchObject({ lastSeq: 12, readSeq: 2, unreadCount: 10, watchLevel: "normal" });

    await services.follow.markRead(reader, post.id, 7);
    await services.follow.markRead(reader, post.id, 3); // backwards: ignored
    expect(await services.posts.get(post.id, reader)).toMatchObject({ readSeq: 7, unreadCount: 5 });
    await services.follow.markRead(reader, post.id, 1_000); // past the end: clamped
    expect(await services.posts.get(post.id, reader)).toMatchObject({ readSeq: 12, unreadCount: 0 });
    // Guests see no read state at all.
    expect(await services.posts.get(post.id, null)).not.toHaveProperty("readSeq");
  });

  it("an author has read their own post and their own comments", async () => {
    const [author, other] = await Promise.all([viewer(), viewer()]);
    const { post } = await services.posts.create(author, { categorySlug: "general", title: "Mine", body: "b" });
    expect(post).toMatchObject({ readSeq: 0, unreadCount: 0, watchLevel: "watching" });
    await comment(other, post.id, "from other");
    await comment(author, post.id, "my answer");
    expect(await services.posts.get(post.id, author)).toMatchObject({ readSeq: 2, unreadCount: 0 });
  });

  it("404 for a post the member cannot see", async () => {
    const [author, reader, mod] = await Promise.all([viewer(), viewer(), viewer("MODERATOR")]);
    const { post } = await services.posts.create(author, { categorySlug: "general", title: "Soon hidden", body: "b" });
    await services.moderation.content.moderatePost(mod, post.id, { hidden: true });
    await expect(services.follow.markRead(reader, post.id, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(services.follow.watchPost(reader, post.id, "watching")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(services.drafts.save(reader, `post:${post.id}`, { body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(services.follow.markRead(reader, "not-a-uuid", 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("feeds: unread and new", () => {
  it("unread lists opened posts with comments after the read position; new lists never-opened recent posts", async () => {
    const [author, reader] = await Promise.all([viewer(), viewer()]);
    const create = (title: string) => services.posts.create(author, { categorySlug: "general", title, body: "b" }).then((r) => r.post);
    const read = await create("opened, all read");
    const behind = await create("opened, behind");
    const fresh = await create("never opened");
    await services.follow.markRead(reader, read.id, 0);
    await services.follow.markRead(reader, behind.id, 0);
    await comment(author, behind.id, "new comment");

    const unread = await services.posts.filtered(reader, "unread");
    const ids = (page: { items: { id: string }[] }) => page.items.map((p) => p.id);
    expect(ids(unread)).toContain(behind.id);
    expect(ids(unread)).not.toContain(read.id);
    expect(ids(unread)).not.toContain(fresh.id);
    expect(unread.items.find((p) => p.id === behind.id)).toMatchObject({ unreadCount: 1, readSeq: 0 });

    const fresh_ = await services.posts.filtered(reader, "new");
    expect(ids(fresh_)).toContain(fresh.id);
    expect(ids(fresh_)).not.toContain(read.id);
    expect(ids(fresh_)).not.toContain(behind.id);
    // The author opened all three (by writing them).
    expect(ids(await services.posts.filtered(author, "new"))).not.toContain(fresh.id);
    await expect(services.posts.filtered(null, "new")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("pages through unread posts with the cursor", async () => {
    const [author, reader] = await Promise.all([viewer(), viewer()]);
    const posts = [];
    for (let i = 0; i < 3; i++) {
      const { post } = await services.posts.create(author, { categorySlug: "general", title: `page ${i}`, body: "b" });
      await services.follow.markRead(reader, post.id, 0);
      await comment(author, post.id, "more");
      posts.push(post);
    }
    const first = await services.posts.filtered(reader, "unread", undefined, 2);
    expect(first.items).toHaveLength(2);
    const second = await services.posts.filtered(reader, "unread", first.nextCursor!, 2);
    expect([...first.items, ...second.items].map((p) => p.id)).toEqual(expect.arrayContaining(posts.map((p) => p.id)));
    expect(second.nextCursor).toBeNull();
  });

  it("a muted category's posts leave the member's home feed (and its unread/new), not anyone else's", async () => {
    const [author, muter, other] = await Promise.all([viewer(), viewer(), viewer()]);
    const slug = await freshCategory();
    const { post } = await services.posts.create(author, { categorySlug: slug, title: "In a muted category", body: "b" });
    await services.follow.watchCategory(muter, slug, "muted");
    const latest = async (v: Viewer) => (await services.posts.latest(v, undefined, 100)).items.map((p) => p.id);
    expect(await latest(muter)).not.toContain(post.id);
    expect(await latest(other)).toContain(post.id);
    expect((await services.posts.filtered(muter, "new", undefined, 100)).items.map((p) => p.id)).not.toContain(post.id);
    expect(await services.posts.get(post.id, muter)).toMatchObject({ watchLevel: "muted" });
    // The category's own page still lists it.
    expect((await services.posts.listByCategory(slug, muter)).items.map((p) => p.id)).toContain(post.id);
  });
});

describe("notifications: at most one per member per comment, the most specific kind", () => {
  async function thread() {
    const [author, writer, watcher, bystander] = await Promise.all([viewer(), viewer(), viewer(), viewer()]);
    const { post } = await services.posts.create(author, { categorySlug: "general", title: "Watched thread", body: "b" });
    await services.follow.watchPost(watcher, post.id, "watching");
    recorder.clear();
    return { author, writer, watcher, bystander, post };
  }

  it("a plain comment: the author gets REPLY, a watcher WATCHED_COMMENT, a bystander nothing, the writer nothing", async () => {
    const { author, writer, watcher, bystander, post } = await thread();
    const c = await comment(writer, post.id, "hello all");
    expect(notifiedKinds(author.id)).toEqual(["REPLY"]);
    expect(notifiedKinds(watcher.id)).toEqual(["WATCHED_COMMENT"]);
    expect(notifiedKinds(bystander.id)).toEqual([]);
    expect(notifiedKinds(writer.id)).toEqual([]);
    const [[, note]] = recorder.of("notify").filter(([to]) => to === watcher.id);
    expect(ZNotification.parse(note)).toMatchObject({
      post: { id: post.id, title: "Watched thread" },
      comment: { id: c.id, seq: c.seq },
      actor: { id: writer.id },
    });
    // What was emitted is what is stored.
    const stored = await services.notifications.list(watcher);
    expect(stored.notifications).toEqual([{ ...note, readAt: null }]);
  });

  it("a watcher who is also mentioned and replied to gets one REPLY; one who is mentioned gets one MENTION", async () => {
    const { writer, watcher, bystander, post } = await thread();
    await services.follow.watchPost(bystander, post.id, "watching");
    const theirs = await comment(watcher, post.id, "watcher speaks");
    recorder.clear();
    await comment(writer, post.id, `@${watcher.username} and @${bystander.username}, see this`, theirs.id);
    expect(notifiedKinds(watcher.id)).toEqual(["REPLY"]);
    expect(notifiedKinds(bystander.id)).toEqual(["MENTION"]);
    for (const v of [watcher, bystander]) {
      const stored = (await services.notifications.list(v)).notifications.filter((x) => x.comment?.seq === theirs.seq + 1);
      expect(stored).toHaveLength(1);
    }
  });

  it("a reply carries replyTo and notifies the replied-to author even when they are not watching", async () => {
    const { author, writer, bystander, post } = await thread();
    const original = await comment(bystander, post.id, "original point");
    await services.follow.watchPost(author, post.id, "normal");
    recorder.clear();
    const reply = await comment(writer, post.id, "I disagree", original.id);
    expect(reply.replyTo).toEqual({ id: original.id, seq: original.seq, author: { id: bystander.id, username: bystander.username, avatarUrl: null } });
    expect(notifiedKinds(bystander.id)).toEqual(["REPLY"]);
    expect(notifiedKinds(author.id)).toEqual([]); // normal: a reply to someone else is not theirs
    const listed = await services.comments.list(post.id, null, 0, 50);
    expect(listed.find((x) => x.id === reply.id)?.replyTo?.id).toBe(original.id);
    await expect(comment(writer, post.id, "bad target", post.id)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("muted: nothing from that post, even a reply or a mention; a muted category silences its posts unless the post has its own level", async () => {
    const { author, writer, watcher, post } = await thread();
    const theirs = await comment(watcher, post.id, "mine");
    await services.follow.watchPost(watcher, post.id, "muted");
    await services.follow.watchPost(author, post.id, "muted");
    recorder.clear();
    await comment(writer, post.id, `@${watcher.username} @${author.username} hey`, theirs.id);
    expect(recorder.of("notify")).toEqual([]);

    const slug = await freshCategory();
    const { post: quiet } = await services.posts.create(author, { categorySlug: slug, title: "Quiet", body: "b" });
    await services.follow.watchCategory(watcher, slug, "muted");
    recorder.clear();
    await comment(writer, quiet.id, `@${watcher.username} you there?`);
    expect(notifiedKinds(watcher.id)).toEqual([]);
    await services.follow.watchPost(watcher, quiet.id, "normal");
    await comment(writer, quiet.id, `@${watcher.username} now?`);
    expect(notifiedKinds(watcher.id)).toEqual(["MENTION"]);
  });

  it("watching a category: WATCHED_POST for each new post in it (a mention wins; the author and muters get none)", async () => {
    const [author, fan, named, muter] = await Promise.all([viewer(), viewer(), viewer(), viewer()]);
    const slug = await freshCategory();
    await services.follow.watchCategory(fan, slug, "watching");
    await services.follow.watchCategory(named, slug, "watching");
    await services.follow.watchCategory(author, slug, "watching");
    await services.follow.watchCategory(muter, slug, "muted");
    recorder.clear();
    const { post } = await services.posts.create(author, {
      categorySlug: slug,
      title: "Fresh in the category",
      body: `cc @${named.username} @${muter.username}`,
    });
    expect(notifiedKinds(fan.id)).toEqual(["WATCHED_POST"]);
    expect(notifiedKinds(named.id)).toEqual(["MENTION"]);
    expect(notifiedKinds(author.id)).toEqual([]);
    expect(notifiedKinds(muter.id)).toEqual([]);
    const [note] = (await services.notifications.list(fan)).notifications;
    expect(note).toMatchObject({ kind: "WATCHED_POST", post: { id: post.id, title: "Fresh in the category" }, comment: null });
    expect(await services.follow.categoryLevel(fan, slug)).toBe("watching");
  });

  it("notifications page: unread filter, paging, mark one and all read", async () => {
    const { author, writer, post } = await thread();
    for (const body of ["a", "b", "c"]) await comment(writer, post.id, body);
    const first = await services.notifications.list(author, { limit: 2 });
    expect(first.notifications).toHaveLength(2);
    expect(first.unread).toBe(3);
    const rest = await services.notifications.list(author, { limit: 2, cursor: first.nextCursor! });
    expect(rest.notifications).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    await services.notifications.markRead(author, [first.notifications[0].id]);
    expect((await services.notifications.list(author, { unread: true })).notifications.map((x) => x.id)).not.toContain(
      first.notifications[0].id,
    );
    expect(await services.notifications.markRead(author)).toEqual({ unread: 0 });
    expect((await services.notifications.list(author, { unread: true })).notifications).toEqual([]);
  });
});

describe("mentions", () => {
  it("@username of a real member links to their profile; unknown names and code stay text", async () => {
    const [author, named] = await Promise.all([viewer(), viewer()]);
    const { post } = await services.posts.create(author, { categorySlug: "general", title: "Mentions", body: "b" });
    const c = await comment(author, post.id, `hi @${named.username.toUpperCase()} and @nobody_here_at_all, \`@${named.username}\``);
    expect(c.bodyHtml).toContain(`<a href="/u/${named.username}" class="mention">@${named.username.toUpperCase()}</a>`);
    expect(c.bodyHtml).toContain("@nobody_here_at_all");
    expect(c.bodyHtml).toContain(`<code>@${named.username}</code>`);
  });

  it("prefix lookup matches the start of usernames, any case, with % and _ taken literally", async () => {
    const stem = `pfx${Date.now().toString(36)}`;
    for (const name of [`${stem}_ann`, `${stem}xann`, `${stem}pbob`]) {
      await services.users.createAccount({
        email: `${name}@parley.test`,
        username: name,
        password: "correct horse battery",
        role: "MEMBER",
      });
    }
    const names = async (prefix: string) => (await services.users.byPrefix(prefix, 8)).map((u) => u.username);
    expect(await names(stem.toUpperCase())).toHaveLength(3);
    expect(await names(`${stem}_`)).toEqual([`${stem}_ann`]);
    expect(await names(`${stem}%`)).toEqual([]);
    // Profiles by name: `_` is a character, not a wildcard (b_b does not find bob).
    expect(await services.users.findPublicByUsername(`${stem}PBOB`)).not.toBeNull();
    expect(await services.users.findPublicByUsername(`${stem}_bob`)).toBeNull();
  });
});

describe("drafts", () => {
  it("round-trip, then vanish when the comment or the post is created", async () => {
    const [author, other] = await Promise.all([viewer(), viewer()]);
    const { post } = await services.posts.create(author, { categorySlug: "general", title: "Draft target", body: "b" });
    await services.drafts.save(other, `post:${post.id}`, { body: "half a thought" });
    expect(await services.drafts.get(other, `post:${post.id}`)).toMatchObject({
      key: `post:${post.id}`,
      body: "half a thought",
      title: null,
    });
    await expect(services.drafts.get(author, `post:${post.id}`)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await comment(other, post.id, "the whole thought");
    await expect(services.drafts.get(other, `post:${post.id}`)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await services.drafts.save(other, "new-post", { title: "A title", body: "A body" });
    expect(await services.drafts.get(other, "new-post")).toMatchObject({ title: "A title", body: "A body" });
    await services.posts.create(other, { categorySlug: "general", title: "A title", body: "A body" });
    await expect(services.drafts.get(other, "new-post")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("limits: a comment draft holds at most a comment; bad keys are refused; 50 per member, oldest evicted", async () => {
    const [author, writer] = await Promise.all([viewer(), viewer()]);
    const { post } = await services.posts.create(author, { categorySlug: "general", title: "Limits", body: "b" });
    await expect(services.drafts.save(writer, `post:${post.id}`, { body: "x".repeat(20_001) })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await expect(services.drafts.save(writer, "anything", { body: "x" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await services.drafts.save(writer, "new-post", { body: "the oldest" });
    for (let i = 0; i < 50; i++) {
      const { post: p } = await services.posts.create(author, { categorySlug: "general", title: `p${i}`, body: "b" });
      await services.drafts.save(writer, `post:${p.id}`, { body: `draft ${i}` });
    }
    await expect(services.drafts.get(writer, "new-post")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await services.drafts.remove(writer, `post:${post.id}`); // removing what is not there is fine
  });
});
