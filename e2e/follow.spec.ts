import { expect, test, type Page } from "@playwright/test";
import { directDb } from "../test/harness";
import { createPost, member, waitLive } from "./support";

const rooms = (page: Page, room: string) =>
  page.waitForFunction((r) => (document.documentElement.dataset.rooms ?? "").split(" ").includes(r), room, { timeout: 15_000 });

test.describe("finding and following", () => {
  // Two browsers, a node and its database on a shared 2-core machine.
  test.describe.configure({ timeout: 180_000 });
  test("an unread badge appears live while another browser comments, and the post opens at the New divider", async ({ browser }) => {
    const a = await member(browser, "writer");
    const b = await member(browser, "reader");
    const title = `Unread live ${Date.now()}`;
    const post = await createPost(a.api, title);
    // Enough read comments that the first unread one is well below the fold.
    const lines = Array.from({ length: 6 }, (_, i) => `line ${i + 1}`).join("\n\n");
    for (let i = 1; i <= 8; i++) await a.api.post(`/api/v1/posts/${post.id}/comments`, { body: `Read comment ${i}\n\n${lines}` });
    expect((await b.api.put(`/api/v1/posts/${post.id}/read`, { seq: 8 })).status).toBe(204);

    await b.page.goto("/");
    await rooms(b.page, "forum");
    const row = b.page.getByTestId("post-item").filter({ hasText: title });
    await expect(row).toBeVisible();
    await expect(row.getByTestId("unread-badge")).toHaveCount(0);

    // A comments in their own browser; B's list counts it without reloading.
    await a.page.goto(`/p/${post.id}`);
    await rooms(a.page, `post:${post.id}`);
    await a.page.getByLabel("Your comment").fill("First thing B has not read");
    await a.page.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(row.getByTestId("unread-badge")).toHaveText("1");
    await a.page.getByLabel("Your comment").fill("Second thing B has not read");
    await a.page.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(row.getByTestId("unread-badge")).toHaveText("2");
    await expect(row.getByTestId("unread-badge")).toHaveAttribute("aria-label", "2 unread comments");

    // Unread tab lists it too.
    await b.page.getByRole("link", { name: "Unread", exact: true }).click();
    await expect(b.page.getByTestId("post-item").filter({ hasText: title })).toBeVisible();

    await b.page.getByRole("link", { name: title }).click();
    const divider = b.page.getByTestId("new-divider");
    await expect(divider).toBeInViewport();
    const firstUnread = b.page.getByTestId("comment").filter({ hasText: "First thing B has not read" });
    await expect(firstUnread).toBeInViewport();
    await expect(b.page.getByTestId("comment").filter({ hasText: "Read comment 1" })).not.toBeInViewport();
    // Reading them moves the position on the server: the post is no longer unread.
    await b.page.getByTestId("comment").filter({ hasText: "Second thing B has not read" }).scrollIntoViewIfNeeded();
    await expect.poll(async () => (await b.api.get(`/api/v1/posts/${post.id}`)).json.post.unreadCount, { timeout: 15_000 }).toBe(0);
    await a.context.close();
    await b.context.close();
  });

  test("in a thread longer than one page, the post still opens at the first unread comment", async ({ browser }) => {
    const a = await member(browser, "longwriter");
    const b = await member(browser, "longreader");
    const post = await createPost(a.api, `Long thread ${Date.now()}`);
    // 260 comments straight into the database (the API's write limits would take minutes); the
    // page serves the first 200, so the first unread one (seq 231) is two pages in.
    const db = directDb(process.env.PARLEY_E2E_DATABASE_URL!);
    await db.query(
      `INSERT INTO "Comment" (id, "postId", "authorId", seq, body, "bodyHtml")
       SELECT gen_random_uuid(), $1::uuid, $2::uuid, s, 'Long comment ' || s, '<p>Long comment ' || s || '</p>'
       FROM generate_series(1, 260) s`,
      [post.id, a.api.me.user.id],
    );
    await db.query(`UPDATE "Post" SET "lastSeq" = 260, "commentCount" = 260 WHERE id = $1::uuid`, [post.id]);
    await db.close();
    expect((await b.api.put(`/api/v1/posts/${post.id}/read`, { seq: 230 })).status).toBe(204);

    await b.page.goto(`/p/${post.id}`);
    await expect(b.page.getByTestId("comment").filter({ hasText: "Long comment 260" })).toHaveCount(1, { timeout: 30_000 });
    await expect(b.page.getByTestId("new-divider")).toBeInViewport();
    await expect(b.page.getByTestId("comment").filter({ hasText: "Long comment 231" })).toBeInViewport();
    await a.context.close();
    await b.context.close();
  });

  test("watching a post brings each new comment to the notifications page, which links to the exact comment", async ({ browser }) => {
    const author = await member(browser, "author");
    const watcher = await member(browser, "watcher");
    const title = `Watched ${Date.now()}`;
    const post = await createPost(author.api, title);

    await watcher.page.goto(`/p/${post.id}`);
    await watcher.page.getByTestId("watch-control").click();
    await watcher.page.getByRole("menuitemradio", { name: /Watching/ }).click();
    await expect(watcher.page.getByTestId("watch-control")).toHaveText("Watching");
    await expect.poll(async () => (await watcher.api.get(`/api/v1/posts/${post.id}`)).json.post.watchLevel).toBe("watching");

    const c = (await author.api.post(`/api/v1/posts/${post.id}/comments`, { body: "News for those watching" })).json.comment;
    await watcher.page.goto("/");
    await waitLive(watcher.page);
    await watcher.page.getByRole("button", { name: /Notifications/ }).click();
    await watcher.page.getByRole("link", { name: "See all notifications" }).click();
    await expect(watcher.page).toHaveURL(/\/notifications$/);
    const item = watcher.page.getByTestId("notification").filter({ hasText: title });
    await expect(item).toContainText(`${author.api.me.user.username} commented in ${title}`);
    await expect(item).toContainText("News for those watching");

    await item.getByRole("link").click();
    await expect(watcher.page).toHaveURL(new RegExp(`/p/${post.id}#comment-${c.id}$`));
    await expect(watcher.page.locator(`#comment-${c.id}`)).toBeInViewport();

    // Unread filter and mark all read.
    await author.api.post(`/api/v1/posts/${post.id}/comments`, { body: "Another one" });
    await watcher.page.goto("/notifications?unread=1");
    await expect(watcher.page.getByTestId("notification").filter({ hasText: "Another one" })).toBeVisible();
    await watcher.page.getByRole("button", { name: "Mark all read" }).click();
    await expect(watcher.page.getByTestId("notifications-unread")).toHaveText("No unread notifications");
    await expect.poll(async () => (await watcher.api.get("/api/v1/notifications?unread=1")).json.notifications.length).toBe(0);
    await author.context.close();
    await watcher.context.close();
  });

  test("a draft survives a reload, and Discard throws it away", async ({ browser }) => {
    const a = await member(browser, "drafter");
    const post = await createPost(a.api, `Drafts ${Date.now()}`);
    await a.page.goto(`/p/${post.id}`);
    await a.page.getByLabel("Your comment").fill("Words I have not sent yet");
    await expect(a.page.getByTestId("draft-status")).toHaveText("Draft saved");
    await a.page.reload();
    await expect(a.page.getByLabel("Your comment")).toHaveValue("Words I have not sent yet");
    await expect(a.page.getByTestId("draft-status")).toHaveText("Draft restored");

    await a.page.getByRole("button", { name: "Discard draft" }).click();
    await expect(a.page.getByLabel("Your comment")).toHaveValue("");
    await expect.poll(async () => (await a.api.get(`/api/v1/drafts/post:${post.id}`)).status).toBe(404);

    // The new-post form keeps its draft too, and publishing removes it.
    await a.page.goto("/new");
    await a.page.getByLabel("Title").fill("A post in progress");
    await a.page.getByLabel("Body").fill("Its body, half written");
    await expect(a.page.getByTestId("draft-status")).toHaveText("Draft saved");
    await a.page.reload();
    await expect(a.page.getByLabel("Title")).toHaveValue("A post in progress");
    await expect(a.page.getByLabel("Body")).toHaveValue("Its body, half written");
    await a.page.getByRole("button", { name: "Publish post" }).click();
    await expect(a.page.getByRole("heading", { name: "A post in progress" })).toBeVisible();
    await expect.poll(async () => (await a.api.get("/api/v1/drafts/new-post")).status).toBe(404);
    await a.context.close();
  });
});
