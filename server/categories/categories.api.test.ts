import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import { randomBytes } from "node:crypto";
import { expectError, expectOk, expectValidation } from "@/test/expect";

const server = useServer();
const slug = () => `cat-${randomBytes(4).toString("hex")}`;

describe("GET /api/v1/categories", () => {
  it("always includes `general`, in the contract's shape", async () => {
    const res = await server.anonymous().get("/api/v1/categories");
    expectOk(res);
    const general = res.json.categories.find((c: { slug: string }) => c.slug === "general");
    expect(general).toEqual({ id: expect.any(String), slug: "general", name: "General", description: expect.any(String) });
  });

  it("lists a newly created category", async () => {
    const made = await server.db.createCategory(slug(), "Fresh");
    const res = await server.anonymous().get("/api/v1/categories");
    expect(res.json.categories).toContainEqual({ id: made.id, slug: made.slug, name: "Fresh", description: "" });
  });
});

describe("GET /api/v1/categories/:slug/posts", () => {
  it("walks every post once through cursor pages, most recent activity first, pinned on top", async () => {
    const cat = await server.db.createCategory(slug());
    const alice = await server.member("pager");
    const created: string[] = [];
    for (let i = 0; i < 23; i++) {
      const res = await alice.post("/api/v1/posts", { categorySlug: cat.slug, title: `post ${i}`, body: "b" });
      created.push(res.json.post.id);
    }
    await server.db.setPostFlags(created[0], { pinned: true });

    type Row = { id: string; pinned: boolean; lastActivityAt: string };
    const seen: Row[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/api/v1/categories/${cat.slug}/posts?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const res = await server.anonymous().get(path);
      expectOk(res);
      expect(res.json.category).toMatchObject({ slug: cat.slug });
      expect(res.json.posts.length).toBeLessThanOrEqual(10);
      seen.push(...res.json.posts);
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor && pages < 10);

    expect(pages).toBe(3);
    const ids = seen.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...created].sort());
    expect(ids[0]).toBe(created[0]);
    // The rest in the list order: latest activity first, ties broken by id (descending).
    const key = (p: Row) => `${p.lastActivityAt}|${p.id}`;
    const rest = seen.slice(1);
    expect(rest.map(key)).toEqual(rest.map(key).sort().reverse());
  });

  it("defaults to 20 per page and ends with nextCursor null", async () => {
    const cat = await server.db.createCategory(slug());
    const alice = await server.member("pager");
    for (let i = 0; i < 3; i++) await alice.post("/api/v1/posts", { categorySlug: cat.slug, title: `p${i}`, body: "b" });
    const res = await server.anonymous().get(`/api/v1/categories/${cat.slug}/posts`);
    expect(res.json.posts).toHaveLength(3);
    expect(res.json.nextCursor).toBeNull();
  });

  it("leaves out deleted and (for members) hidden posts", async () => {
    const cat = await server.db.createCategory(slug());
    const alice = await server.member("pager");
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await alice.post("/api/v1/posts", { categorySlug: cat.slug, title: `p${i}`, body: "b" })).json.post.id);
    await alice.delete(`/api/v1/posts/${ids[0]}`);
    await server.db.setPostFlags(ids[1], { hidden: true });
    const list = async (client: typeof alice) =>
      (await client.get(`/api/v1/categories/${cat.slug}/posts`)).json.posts.map((p: { id: string }) => p.id);
    expect(await list(alice)).toEqual([ids[2]]);
    expect(await list(await server.moderator())).toEqual([ids[2], ids[1]]);
  });

  it("404 for an unknown category; 400 for a bad cursor or limit", async () => {
    const anon = server.anonymous();
    expectError(await anon.get("/api/v1/categories/no-such-category/posts"), 404, "NOT_FOUND");
    expectValidation(await anon.get("/api/v1/categories/general/posts?cursor=bm90LWEtY3Vyc29y"), "cursor");
    expectValidation(await anon.get("/api/v1/categories/general/posts?limit=101"), "limit");
    expectValidation(await anon.get("/api/v1/categories/general/posts?limit=abc"), "limit");
  });
});
