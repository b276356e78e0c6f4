import { beforeAll, describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import type { Client, SignedUp } from "@/test/harness";
import { expectError, expectOk, expectValidation } from "@/test/expect";
import { ZSearchPage } from "./search.schema";

const server = useServer();
let alice: Client & { me: SignedUp };
const CONSONANTS = "bcdfghjklmnpqrtvwxz";
const word = () => "zq" + Array.from({ length: 7 }, () => CONSONANTS[Math.floor(Math.random() * CONSONANTS.length)]).join("");
const search = (client: Client, query: Record<string, string>) => client.get(`/api/v1/search?${new URLSearchParams(query)}`);

beforeAll(async () => {
  alice = await server.member("searcher");
});

describe("GET /api/v1/search", () => {
  it("answers in the contract's shape, for members and guests, post and comment hits alike", async () => {
    const tok = word();
    const post = (await alice.post("/api/v1/posts", { categorySlug: "general", title: `About ${tok}`, body: "A body." })).json.post;
    const comment = (await alice.post(`/api/v1/posts/${post.id}/comments`, { body: `A ${tok} reply` })).json.comment;
    for (const client of [alice, server.anonymous()]) {
      const res = await search(client, { q: tok, author: alice.me.user.username });
      expectOk(res);
      const page = ZSearchPage.parse(res.json);
      expect(page.results).toHaveLength(2);
      expect(page.results[0]).toMatchObject({
        type: "post",
        post: { id: post.id, title: post.title, category: { slug: "general" } },
        comment: null,
        author: { id: alice.me.user.id, username: alice.me.user.username },
      });
      expect(page.results[1]).toMatchObject({ type: "comment", comment: { id: comment.id, seq: 1 } });
      expect(page.results[1].snippetHtml).toBe(`A <mark>${tok}</mark> reply`);
      expect(page.results[0]).not.toHaveProperty("hidden");
    }
  });

  it("400 for an empty or missing query, one over 200 characters, a bad date, limit or cursor", async () => {
    expectValidation(await search(alice, { q: "" }), "q");
    expectValidation(await search(alice, { q: "   " }), "q");
    expectValidation(await search(alice, { q: "\u0000\t" }), "q");
    expectValidation(await search(alice, {}), "q");
    expectValidation(await search(alice, { q: "x".repeat(201) }), "q");
    expectOk(await search(alice, { q: "x".repeat(200) }));
    expectValidation(await search(alice, { q: "a", from: "yesterday" }), "from");
    expectValidation(await search(alice, { q: "a", limit: "0" }), "limit");
    expectValidation(await search(alice, { q: "a", limit: "51" }), "limit");
    expectValidation(await search(alice, { q: "a", cursor: "bogus" }), "cursor");
  });

  it("operators, quotes, stop words and odd unicode: 200 with results or none, never 500", async () => {
    for (const q of ["the of and", '"unclosed', "a:* & !b | (c", "-only", "'; DROP TABLE \"Post\"; --", "a\u0000b", "🙂 \uE000 \uD83D", "消息 推送 -缓存", "ｆｕｌｌ　ｗｉｄｔｈ"]) {
      const res = await search(alice, { q });
      expect(res.status, `${JSON.stringify(q)}: ${res.text}`).toBe(200);
      ZSearchPage.parse(res.json);
    }
  });

  it("deleted content is for staff who ask: 403 for members", async () => {
    expectError(await search(alice, { q: "anything", include: "deleted" }), 403, "FORBIDDEN");
    const mod = await server.moderator();
    expectOk(await search(mod, { q: "anything", include: "deleted" }));
  });
});

describe("the /search page", () => {
  it("renders results, and bad input as a message, never an error page", async () => {
    const tok = word();
    await alice.post("/api/v1/posts", { categorySlug: "general", title: `Page ${tok}`, body: "<i>kept as text</i>" });
    const found = await server.anonymous().get(`/search?${new URLSearchParams({ q: tok })}`);
    expect(found.status).toBe(200);
    expect(found.text).toContain(`Page <mark>${tok}</mark>`);
    for (const [query, says] of [
      [{ q: "x".repeat(201) }, "at most 200 characters"],
      [{ q: "a", from: "not-a-date" }, "could not be run"],
      [{ q: "a", include: "deleted" }, "Only moderators"],
      [{ q: "the of" }, "Nothing found"],
      [{}, "What are you looking for?"],
    ] as const) {
      const res = await alice.get(`/search?${new URLSearchParams(query)}`);
      expect(res.status, JSON.stringify(query)).toBe(200);
      expect(res.text, JSON.stringify(query)).toContain(says);
    }
  });
});
