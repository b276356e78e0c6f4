import { expect, test, type Page } from "@playwright/test";
import { createPost, member } from "./support";

/** Console errors a page logged, leaving out expected failed loads (a draft that is not there is a 404). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test.describe("members' pages from the shared member render", () => {
  test("each member's own reactions, controls, name and notifications are laid over the one render", async ({ browser }) => {
    const alice = await member(browser, "layered");
    const bob = await member(browser, "layerbob");
    const post = await createPost(alice.api, "One render, many readers");
    const reply = (await bob.api.post(`/api/v1/posts/${post.id}/comments`, { body: "Bob answers here" })).json.comment;
    await alice.api.put(`/api/v1/posts/${post.id}/reaction`, { kind: "LOVE" });
    await alice.api.put(`/api/v1/comments/${reply.id}/reaction`, { kind: "LAUGH" });

    // Bob's load renders the member page; Alice's is (normally) a replay of it, with her layer.
    await bob.page.goto(`/p/${post.id}`);
    await expect(bob.page.getByRole("heading", { name: post.title })).toBeVisible();
    const errors = consoleErrors(alice.page);
    await alice.page.goto(`/p/${post.id}`);
    await expect(alice.page.locator("script#parley-personal")).toHaveCount(1);

    const article = alice.page.locator("article");
    await expect(article.getByRole("button", { name: /^Love/ })).toHaveAttribute("aria-pressed", "true");
    await expect(article.getByRole("button", { name: "Edit" })).toBeVisible();
    await expect(article.getByRole("button", { name: "Report" })).toHaveCount(0);
    const bobsComment = alice.page.getByTestId("comment").filter({ hasText: "Bob answers here" });
    await expect(bobsComment.getByRole("button", { name: /^Laugh/ })).toHaveAttribute("aria-pressed", "true");
    await expect(bobsComment.getByRole("button", { name: "Report" })).toBeVisible();
    await expect(alice.page.getByRole("link", { name: new RegExp(`Your profile:.*${alice.api.me.user.username}`) })).toBeVisible();
    // Bob's comment notified her: the bell counts it.
    await expect(alice.page.getByTestId("notification-bell").getByTestId("unread-count")).toHaveText("1");
    await expect(alice.page.getByLabel("Your comment")).toBeVisible();

    // Bob, on the same render, sees his own: no Edit on Alice's post, his name, his comment's Edit.
    await bob.page.reload();
    await expect(bob.page.getByRole("link", { name: new RegExp(`Your profile:.*${bob.api.me.user.username}`) })).toBeVisible();
    await expect(bob.page.locator("article").getByRole("button", { name: "Report" })).toBeVisible();
    await expect(bob.page.locator("article").getByRole("button", { name: "Edit" })).toHaveCount(0);
    await expect(bob.page.locator("article").getByRole("button", { name: /^Love/ })).toHaveAttribute("aria-pressed", "false");
    const own = bob.page.getByTestId("comment").filter({ hasText: "Bob answers here" });
    await expect(own.getByRole("button", { name: "Edit comment" })).toBeVisible();

    // Alice comments from the replayed page: it is hers, live, and the page still hydrated cleanly.
    await alice.page.getByLabel("Your comment").fill("Written on a replayed page");
    await alice.page.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(bob.page.getByTestId("comment").filter({ hasText: "Written on a replayed page" })).toBeVisible();
    const mine = alice.page.getByTestId("comment").filter({ hasText: "Written on a replayed page" });
    await expect(mine.getByRole("button", { name: "Edit comment" })).toBeVisible();
    expect(errors).toEqual([]);
    await alice.context.close();
    await bob.context.close();
  });

  test("home and category pages show each member their own read state and watch level over the shared render", async ({ browser }) => {
    const author = await member(browser, "listauthor");
    const reader = await member(browser, "listreader");
    const post = await createPost(author.api, `Listed for members ${Date.now()}`);
    for (const body of ["one", "two", "three"]) await author.api.post(`/api/v1/posts/${post.id}/comments`, { body: `comment ${body}` });
    await reader.api.put(`/api/v1/posts/${post.id}/read`, { seq: 1 });
    await reader.api.put("/api/v1/categories/general/watch", { level: "watching" });

    // The author's loads leave the member render of both pages; the reader's are laid over it.
    await author.page.goto("/c/general");
    await author.page.goto("/");
    const errors = consoleErrors(reader.page);
    await reader.page.goto("/c/general");
    await expect(reader.page.locator("script#parley-personal")).toHaveCount(1);
    await expect(reader.page.getByTestId("watch-control")).toHaveAccessibleName("Notifications for this category: Watching");
    const item = reader.page.getByTestId("post-item").filter({ hasText: post.title });
    await expect(item.getByRole("img", { name: "2 unread comments" })).toBeVisible();

    await reader.page.goto("/");
    await expect(reader.page.getByRole("heading", { name: `Welcome back, ${reader.api.me.user.username}` })).toBeVisible();
    await expect(
      reader.page.getByTestId("post-item").filter({ hasText: post.title }).getByRole("img", { name: "2 unread comments" }),
    ).toBeVisible();
    // The author, on the same renders, has nothing unread there and watches the category normally.
    await author.page.goto("/c/general");
    await expect(author.page.getByTestId("watch-control")).toHaveAccessibleName("Notifications for this category: Normal");
    await expect(author.page.getByTestId("post-item").filter({ hasText: post.title }).getByTestId("unread-badge")).toHaveCount(0);
    expect(errors).toEqual([]);
    await author.context.close();
    await reader.context.close();
  });
});
