import { expect, test } from "@playwright/test";
import { createPost, member, waitLive } from "./support";

const rooms = (page: import("@playwright/test").Page, room: string) =>
  page.waitForFunction((r) => (document.documentElement.dataset.rooms ?? "").split(" ").includes(r), room, { timeout: 15_000 });

test.describe("live, in two browsers", () => {
  test("B sees A's new post on the home page and A's comment on the post page without reloading", async ({ browser }) => {
    const a = await member(browser, "alice");
    const b = await member(browser, "bob");
    await b.page.goto("/");
    await rooms(b.page, "forum");

    const title = `Live from A ${Date.now()}`;
    const post = await createPost(a.api, title);
    // New posts wait behind a "new posts" pill, or show directly: either way without reload.
    const pill = b.page.getByRole("button", { name: /new post/i });
    await expect(pill.or(b.page.getByText(title))).toBeVisible();
    if (await pill.isVisible()) await pill.click();
    await expect(b.page.getByRole("link", { name: title })).toBeVisible();

    await b.page.getByRole("link", { name: title }).click();
    await rooms(b.page, `post:${post.id}`);
    await a.page.goto(`/p/${post.id}`);
    await rooms(a.page, `post:${post.id}`);
    await a.page.getByLabel("Your comment").fill("Hello from A, live");
    await a.page.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(b.page.getByTestId("comment").filter({ hasText: "Hello from A, live" })).toHaveCount(1);
    await expect(a.page.getByTestId("comment").filter({ hasText: "Hello from A, live" })).toHaveCount(1);
    await a.context.close();
    await b.context.close();
  });

  test("typing indicator and the online list", async ({ browser }) => {
    const a = await member(browser, "typist");
    const b = await member(browser, "reader");
    const post = await createPost(a.api, `Typing ${Date.now()}`);
    await a.page.goto(`/p/${post.id}`);
    await b.page.goto(`/p/${post.id}`);
    await rooms(a.page, `post:${post.id}`);
    await rooms(b.page, `post:${post.id}`);

    await a.page.getByLabel("Your comment").pressSequentially("I am wri", { delay: 30 });
    await expect(b.page.getByText(`${a.api.me.user.username} is typing…`)).toBeVisible();
    // B types back: that reaches A's page after any echo of A's own typing would have, so from
    // then on A's indicator must name B alone.
    await b.page.getByLabel("Your comment").pressSequentially("Me t", { delay: 30 });
    await expect(a.page.getByText(`${b.api.me.user.username} is typing…`, { exact: true })).toBeVisible();
    await expect(a.page.getByText(`${a.api.me.user.username} is typing…`)).toHaveCount(0);

    // Both are online: the list of online members names them.
    await b.page.goto("/");
    await waitLive(b.page);
    const online = b.page.getByRole("region", { name: /online/i }).or(b.page.locator("[aria-labelledby=online-heading]"));
    await expect(online.getByText(a.api.me.user.username)).toBeVisible();
    await a.context.close();
    await expect(online.getByText(a.api.me.user.username)).toHaveCount(0, { timeout: 20_000 });
    await b.context.close();
  });

  test("after B's connection is cut and restored, comments written meanwhile are there exactly once", async ({ browser }) => {
    const a = await member(browser, "writer");
    const b = await member(browser, "offline");
    const post = await createPost(a.api, `Catch-up ${Date.now()}`);
    await b.page.goto(`/p/${post.id}`);
    await rooms(b.page, `post:${post.id}`);
    const first = (await a.api.post(`/api/v1/posts/${post.id}/comments`, { body: "before the cut" })).json.comment;
    await a.api.post(`/api/v1/posts/${post.id}/comments`, { body: "to be edited" });
    await expect(b.page.getByTestId("comment")).toHaveCount(2);
    const edited = (await a.api.get(`/api/v1/posts/${post.id}/comments`)).json.comments[1];

    await b.context.setOffline(true);
    await expect(b.page.getByRole("status").filter({ hasText: /reconnecting|offline/i })).toBeVisible({ timeout: 45_000 });
    for (let i = 1; i <= 5; i++) await a.api.post(`/api/v1/posts/${post.id}/comments`, { body: `while away ${i}` });
    // Removals and edits made meanwhile must reach B too.
    expect((await a.api.delete(`/api/v1/comments/${first.id}`)).status).toBe(204);
    expect((await a.api.patch(`/api/v1/comments/${edited.id}`, { body: "edited while away" })).status).toBe(200);
    await b.context.setOffline(false);

    await waitLive(b.page);
    await expect(b.page.getByTestId("comment")).toHaveCount(6, { timeout: 20_000 });
    for (let i = 1; i <= 5; i++) await expect(b.page.getByTestId("comment").filter({ hasText: `while away ${i}` })).toHaveCount(1);
    await expect(b.page.getByTestId("comment").filter({ hasText: "before the cut" })).toHaveCount(0);
    await expect(b.page.getByTestId("comment").filter({ hasText: "edited while away" })).toHaveCount(1);
    const texts = await b.page.getByTestId("comment").allInnerTexts();
    const order = texts.map((t) => (t.includes("edited while away") ? 0 : Number(/while away (\d)/.exec(t)?.[1])));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    await a.context.close();
    await b.context.close();
  });
});
