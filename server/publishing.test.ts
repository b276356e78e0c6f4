import { beforeEach, describe, expect, it } from "vitest";
import { ZComment, ZNotification, ZPost } from "./shapes";
import { useServices } from "@/test/services";

/**
 * What services announce after commit, checked at the service boundary with a recording
 * publisher: every open page replaces its copy with these payloads, so a field missing here
 * (reaction counts, say) vanishes live for everyone.
 */
const { services, recorder, viewer } = useServices();
beforeEach(() => recorder.clear());

async function postWithReactions() {
  const [author, fan, mod] = await Promise.all([viewer(), viewer(), viewer("MODERATOR")]);
  const { post } = await services.posts.create(author, { categorySlug: "general", title: "Reactions stay", body: "body" });
  const { comment } = await services.comments.create(fan, post.id, { body: "a comment" });
  await services.reactions.set(fan, "post", post.id, "LOVE");
  await services.reactions.set(author, "comment", comment.id, "INSIGHT");
  recorder.clear();
  return { author, fan, mod, post, comment };
}

describe("moderation keeps reaction counts in what it publishes", () => {
  it.each([
    ["pin", { pinned: true }],
    ["lock", { locked: true }],
    ["hide", { hidden: true }],
  ] as const)("%s: post:updated carries the post's reactions", async (_name, change) => {
    const { mod, post } = await postWithReactions();
    const answer = await services.moderation.content.moderatePost(mod, post.id, change);
    const [[published]] = recorder.of("postUpdated");
    expect(ZPost.parse(published).reactions).toEqual({ LOVE: 1 });
    expect(answer.reactions).toEqual({ LOVE: 1 });
  });

  it("move: post:updated carries the reactions, and the old category hears post:deleted", async () => {
    const { mod, post } = await postWithReactions();
    const slug = `svc-move-${Date.now().toString(36)}`;
    await services.categories.create({ slug, name: "Moved here", description: "" });
    await services.moderation.content.moderatePost(mod, post.id, { categorySlug: slug });
    const [[published]] = recorder.of("postUpdated");
    expect(published.category.slug).toBe(slug);
    expect(published.reactions).toEqual({ LOVE: 1 });
    expect(recorder.of("postDeleted")).toEqual([[{ id: post.id, categorySlug: "general" }]]);
  });

  it("hiding a comment: comment:updated carries its reactions", async () => {
    const { mod, comment } = await postWithReactions();
    await services.moderation.content.moderateComment(mod, comment.id, { hidden: true });
    const [[published]] = recorder.of("commentUpdated");
    expect(ZComment.parse(published)).toMatchObject({ id: comment.id, hidden: true, reactions: { INSIGHT: 1 } });
  });

  it("resolving a report by hiding: the update carries reactions, and the queue size goes to staff", async () => {
    const { fan, mod, comment } = await postWithReactions();
    const { report } = await services.reports.create(fan, { targetType: "comment", targetId: comment.id, reason: "testing" });
    const opened = recorder.of("reportChanged");
    expect(opened).toHaveLength(1);
    expect(opened[0][0].reportId).toBe(report.id);
    recorder.clear();
    await services.moderation.reports.resolve(mod, report.id, { action: "hide" });
    expect(recorder.of("commentUpdated")[0][0].reactions).toEqual({ INSIGHT: 1 });
    const [[closed]] = recorder.of("reportChanged");
    expect(closed.reportId).toBe(report.id);
    expect(closed.openCount).toBe(opened[0][0].openCount - 1);
  });
});

describe("members' writes publish what open pages need", () => {
  it("a reaction publishes the entity with its new counts, and answers the same counts", async () => {
    const { fan, post } = await postWithReactions();
    const answer = await services.reactions.set(fan, "post", post.id, "LAUGH");
    expect(answer).toEqual({ reactions: { LAUGH: 1 }, mine: "LAUGH" });
    expect(recorder.of("postUpdated").map(([p]) => p.reactions)).toEqual([{ LAUGH: 1 }]);
  });

  it("a new comment publishes comment:created (staff view), notifies the post's author, then refreshes lists", async () => {
    const { author, fan, post } = await postWithReactions();
    const { comment } = await services.comments.create(fan, post.id, { body: "thanks", clientId: "svc-1" });
    expect(comment).not.toHaveProperty("hidden");
    const [[published]] = recorder.of("commentCreated");
    expect(ZComment.parse(published)).toMatchObject({ id: comment.id, seq: 2, hidden: false, clientId: "svc-1", reactions: {} });
    const [[userId, notification]] = recorder.of("notify");
    expect(userId).toBe(author.id);
    expect(ZNotification.parse(notification)).toMatchObject({ kind: "REPLY", commentId: comment.id, postTitle: "Reactions stay" });
    // Lists get the post's new count once the burst is over (coalesced per post; other
    // tests' posts may be announced meanwhile).
    const activity = () => recorder.of("postActivity").find(([p]) => p.id === post.id && p.commentCount === 2)?.[0];
    await expect.poll(activity).toBeDefined();
    expect(ZPost.parse(activity())).toMatchObject({ lastSeq: 2, reactions: { LOVE: 1 } });
  });

  it("a replayed clientId publishes nothing", async () => {
    const { fan, post } = await postWithReactions();
    await services.comments.create(fan, post.id, { body: "once", clientId: "svc-replay" });
    recorder.clear();
    const again = await services.comments.create(fan, post.id, { body: "once", clientId: "svc-replay" });
    expect(again.created).toBe(false);
    expect(recorder.of("commentCreated")).toEqual([]);
    expect(recorder.of("notify")).toEqual([]);
  });

  it("an edit publishes the updated entity with its reactions; the author's answer has no staff fields", async () => {
    const { author, post } = await postWithReactions();
    const edited = await services.posts.update(author, post.id, { title: "Edited title" });
    expect(edited).not.toHaveProperty("hidden");
    const [[published]] = recorder.of("postUpdated");
    expect(ZPost.parse(published)).toMatchObject({ title: "Edited title", hidden: false, reactions: { LOVE: 1 } });
  });

  it("a ban ends the member's sockets", async () => {
    const [admin, member] = await Promise.all([viewer("ADMIN"), viewer()]);
    await services.moderation.members.ban(admin, member.id, { reason: "testing" });
    expect(recorder.of("accessChanged")).toEqual([
      [{ userId: member.id, change: { kind: "ended", reason: "banned", ban: { reason: "testing", until: null } } }],
    ]);
  });
});
