import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { useServices } from "@/test/services";
import { directDb } from "@/test/harness";
import type { Viewer } from "../dto";
import type { TSearchQuery } from "./search.schema";
import { ZSearchPage } from "./search.schema";
import { createDb } from "../db/client";
import { createRateLimiters } from "../http/rate-limit";
import { createSearchRepository } from "./search.repository";
import { createSearchService } from "./search.service";

/**
 * Search over the real database (the migration's triggers, GIN indexes, ts_rank, ts_headline).
 * Each test writes as a fresh author and filters by that author, so the shared database's other
 * posts cannot make a test pass or fail.
 */
const { services, viewer } = useServices();
const db = directDb(inject("databaseUrl"));
afterAll(() => db.close());

let staff: Viewer;
beforeAll(async () => {
  staff = await viewer("MODERATOR");
});

// Words no dictionary knows, so a hit can only come from this test's own rows.
const CONSONANTS = "bcdfghjklmnpqrtvwxz";
const word = () => "zq" + Array.from({ length: 7 }, () => CONSONANTS[Math.floor(Math.random() * CONSONANTS.length)]).join("");

async function post(author: Viewer, title: string, body: string, categorySlug = "general") {
  return (await services.posts.create(author, { categorySlug, title, body })).post;
}
async function comment(author: Viewer, postId: string, body: string) {
  return (await services.comments.create(author, postId, { body })).comment;
}
async function search(who: Viewer | null, q: string, more: Partial<TSearchQuery> = {}) {
  const page = await services.search.search(who, { q, limit: 20, ...more });
  return ZSearchPage.parse(page);
}
const ids = (page: { results: { type: string; post: { id: string }; comment: { id: string } | null }[] }) =>
  page.results.map((r) => (r.type === "post" ? r.post.id : r.comment!.id));

describe("search: words", () => {
  it("finds by stem and by prefix, in titles, post bodies and comments", async () => {
    const me = await viewer();
    const tok = word();
    const p = await post(me, `Rolling ${tok} deployments`, "Nothing else here.");
    const c = await comment(me, p.id, `The ${tok} servers were deploying all night`);
    const unrelated = await post(me, `Something about ${word()}`, "deploy deploy deploy");
    for (const q of [`${tok} deploy`, `${tok} deployed`, `${tok} deplo`, tok.slice(0, 6)]) {
      const found = await search(me, q, { author: me.username });
      expect(ids(found), q).toEqual(expect.arrayContaining([p.id, c.id]));
      expect(ids(found), q).not.toContain(unrelated.id);
    }
    const asComment = (await search(me, `${tok} servers`, { author: me.username })).results;
    expect(asComment).toEqual([
      expect.objectContaining({ type: "comment", post: expect.objectContaining({ id: p.id, title: p.title }), comment: { id: c.id, seq: 1 } }),
    ]);
  });

  it("ranks a title hit above a body hit, even when the body hit is newer", async () => {
    const me = await viewer();
    const tok = word();
    const inTitle = await post(me, `All about ${tok}`, "A long body that talks about many other things at length.");
    const inBody = await post(me, "Some other subject", `A body that mentions ${tok} once, among other words.`);
    await db.query(`UPDATE "Post" SET "createdAt" = now() - interval '20 days' WHERE id = $1`, [inTitle.id]);
    const found = await search(me, tok, { author: me.username });
    expect(ids(found)).toEqual([inTitle.id, inBody.id]);
    expect(found.results[0].titleHtml).toBe(`All about <mark>${tok}</mark>`);
  });

  it("follows edits: the index is kept in step by the database", async () => {
    const me = await viewer();
    const [before, after] = [word(), word()];
    const p = await post(me, "Edited", `first ${before}`);
    expect(ids(await search(me, before, { author: me.username }))).toEqual([p.id]);
    await services.posts.update(me, p.id, { body: `now ${after}` });
    expect((await search(me, before, { author: me.username })).results).toEqual([]);
    expect(ids(await search(me, after, { author: me.username }))).toEqual([p.id]);
  });

  it("filters by category, author and date", async () => {
    const [me, other] = [await viewer(), await viewer()];
    const tok = word();
    const cat = await db.createCategory(`s-${word()}`);
    const here = await post(me, `${tok} here`, "body", cat.slug);
    const elsewhere = await post(me, `${tok} elsewhere`, "body");
    const theirs = await post(other, `${tok} theirs`, "body", cat.slug);
    await db.query(`UPDATE "Post" SET "createdAt" = '2026-01-15T12:00:00Z' WHERE id = $1`, [elsewhere.id]);
    expect(ids(await search(me, tok, { category: cat.slug })).sort()).toEqual([here.id, theirs.id].sort());
    expect(ids(await search(me, tok, { author: me.username })).sort()).toEqual([here.id, elsewhere.id].sort());
    expect(ids(await search(me, tok, { author: me.username, to: new Date("2026-01-16") }))).toEqual([elsewhere.id]);
    expect(ids(await search(me, tok, { author: me.username, from: new Date("2026-01-16") }))).toEqual([here.id]);
    expect((await search(me, tok, { category: "no-such-category" })).results).toEqual([]);
  });

  it("pages with an opaque cursor, without repeats", async () => {
    const me = await viewer();
    const tok = word();
    for (let i = 0; i < 5; i++) await post(me, `${tok} number ${i}`, "body");
    const first = await search(me, tok, { author: me.username, limit: 3 });
    expect(first.results).toHaveLength(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await search(me, tok, { author: me.username, limit: 3, cursor: first.nextCursor! });
    expect(second.results).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(5);
    await expect(search(me, tok, { cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});

describe("search: who sees what", () => {
  it("never returns hidden or deleted content to members; staff see hidden, and deleted when they ask", async () => {
    const me = await viewer();
    const tok = word();
    const open = await post(me, `${tok} open`, "visible");
    const hidden = await post(me, `${tok} hidden`, "moderated away");
    const deleted = await post(me, `${tok} deleted`, "gone");
    const hiddenComment = await comment(me, open.id, `${tok} hidden comment`);
    const deletedComment = await comment(me, open.id, `${tok} deleted comment`);
    const underHidden = await comment(me, hidden.id, `${tok} under a hidden post`);
    const visibleComment = await comment(me, open.id, `${tok} visible comment`);
    await db.setPostFlags(hidden.id, { hidden: true });
    await db.setCommentHidden(hiddenComment.id, true);
    await services.posts.remove(me, deleted.id);
    await services.comments.remove(me, deletedComment.id);

    for (const who of [me, await viewer(), null]) {
      const found = ids(await search(who, tok, { author: me.username }));
      expect(found.sort()).toEqual([open.id, visibleComment.id].sort());
      expect(found).not.toContain(hidden.id);
    }
    await expect(search(me, tok, { include: "deleted" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const asStaff = await search(staff, tok, { author: me.username });
    expect(ids(asStaff).sort()).toEqual([open.id, hidden.id, hiddenComment.id, underHidden.id, visibleComment.id].sort());
    expect(asStaff.results.find((r) => r.post.id === hidden.id && r.type === "post")).toMatchObject({ hidden: true, deleted: false });
    const withDeleted = await search(staff, tok, { author: me.username, include: "deleted" });
    expect(ids(withDeleted)).toEqual(expect.arrayContaining([deleted.id, deletedComment.id]));
    expect(withDeleted.results.find((r) => r.post.id === deleted.id)).toMatchObject({ deleted: true });
  });
});

describe("search: snippets", () => {
  it("are escaped text with <mark> around hits: no markup from the body survives", async () => {
    const me = await viewer();
    const tok = word();
    await post(
      me,
      `<img src=x onerror=alert(1)> ${tok}`,
      `Intro <script>alert("x")</script> and <b>bold</b> then **${tok}** & 'quotes' "said" 1 < 2 > 0 [a link](javascript:alert(1)) <iframe src=//evil>`,
    );
    const [hit] = (await search(me, tok, { author: me.username })).results;
    const tags = hit.snippetHtml.match(/<\/?[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags)).toEqual(new Set(["<mark>", "</mark>"]));
    // PostgreSQL's parser reads tags as tags and ts_headline leaves them out; whatever text
    // remains is escaped, so nothing in a body can become markup.
    expect(hit.snippetHtml).not.toMatch(/<script|<b>|<iframe|<img/);
    expect(hit.snippetHtml).toContain(`<mark>${tok}</mark> &amp; &#39;quotes&#39; &quot;said&quot; 1 &lt; 2 &gt; 0 a link`);
    expect(hit.snippetHtml).not.toContain("**");
    expect(hit.titleHtml).toBe(`&lt;img src=x onerror=alert(1)&gt; <mark>${tok}</mark>`);
  });
});

describe("search: Chinese, Japanese, Korean and mixed text", () => {
  it("finds a word inside unspaced Chinese, highlights it, and not the same characters out of order", async () => {
    const me = await viewer();
    const p = await post(me, "实时论坛的消息推送", "我们讨论如何把消息推送到每一个打开的页面。");
    const other = await post(me, "数据库备份", "每天凌晨备份一次数据库。");
    const found = await search(me, "消息推送", { author: me.username });
    expect(ids(found)).toEqual([p.id]);
    expect(found.results[0].titleHtml).toBe("实时论坛的<mark>消息推送</mark>");
    expect(found.results[0].snippetHtml).toContain("<mark>消息推送</mark>");
    expect(ids(await search(me, "备份", { author: me.username }))).toEqual([other.id]);
    expect(ids(await search(me, "论坛", { author: me.username }))).toEqual([p.id]);
    expect((await search(me, "推送消息", { author: me.username })).results).toEqual([]);
    expect((await search(me, "天气", { author: me.username })).results).toEqual([]);
  });

  it("a single character matches as the start of a word", async () => {
    const me = await viewer();
    const p = await post(me, "缓存", "命中率");
    expect(ids(await search(me, "缓", { author: me.username }))).toEqual([p.id]);
  });

  it("mixed Chinese and English text works both ways", async () => {
    const me = await viewer();
    const spaced = await post(me, "Next.js 的缓存", "Next.js 的缓存策略很重要。");
    const unspaced = await post(me, "数据", "我们用Next.js缓存数据，部署在 Kubernetes 上。");
    expect(ids(await search(me, "Next.js 的缓存", { author: me.username }))).toEqual([spaced.id]);
    expect(ids(await search(me, "缓存", { author: me.username })).sort()).toEqual([spaced.id, unspaced.id].sort());
    expect(ids(await search(me, "next.js", { author: me.username })).sort()).toEqual([spaced.id, unspaced.id].sort());
    const both = await search(me, "kubernetes 缓存数据", { author: me.username });
    expect(ids(both)).toEqual([unspaced.id]);
    expect(both.results[0].snippetHtml).toMatch(/<mark>缓存数据<\/mark>/);
    expect(both.results[0].snippetHtml).toMatch(/<mark>Kubernetes<\/mark>/);
  });

  it("Japanese and Korean", async () => {
    const me = await viewer();
    const ja = await post(me, "東京でラーメンを食べました", "とても美味しかったです。");
    const ko = await post(me, "실시간 검색 기능", "한국어 문서도 찾을 수 있습니다.");
    expect(ids(await search(me, "ラーメン", { author: me.username }))).toEqual([ja.id]);
    expect(ids(await search(me, "美味しかった", { author: me.username }))).toEqual([ja.id]);
    expect(ids(await search(me, "검색", { author: me.username }))).toEqual([ko.id]);
    expect(ids(await search(me, "한국어", { author: me.username }))).toEqual([ko.id]);
    expect((await search(me, "寿司", { author: me.username })).results).toEqual([]);
  });
});

describe("search: awkward queries are an empty result, never an error", () => {
  it.each([
    ["only stop words", "the and of"],
    ["only a negation", "-deploy"],
    ["operators", "!!! & | :* <-> ( ) ''"],
    ["unbalanced quotes", '"deploy'],
    ["tsquery syntax", "a:* & !b | c <2> d"],
    ["backslashes", "\\' \\\\ '\\"],
    ["emoji and symbols", "🚀🔥 ✓ ∑"],
    ["a private-use character", "\uE000x\uE001"],
  ])("%s", async (_what, q) => {
    const me = await viewer();
    const page = await search(me, q, { author: me.username });
    expect(page.results).toEqual([]);
  });
});

describe("search: limits", () => {
  it("counts per member: past the limit RATE_LIMITED, and another member is unaffected", async () => {
    const pool = createDb(inject("databaseUrl"), 2);
    try {
      // Scaled so the 60-a-minute limit is 3.
      const strict = createSearchService({ repo: createSearchRepository(pool), limits: createRateLimiters(0.05) });
      const [me, other] = [await viewer(), await viewer()];
      for (let i = 0; i < 3; i++) await strict.search(me, { q: "anything", limit: 5 });
      await expect(strict.search(me, { q: "anything", limit: 5 })).rejects.toMatchObject({ code: "RATE_LIMITED" });
      await expect(strict.search(other, { q: "anything", limit: 5 })).resolves.toMatchObject({ results: expect.any(Array) });
    } finally {
      await pool.$disconnect();
    }
  });
});
