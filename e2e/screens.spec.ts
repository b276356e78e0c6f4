import { expect, test } from "@playwright/test";
import { createPost, member, visitor } from "./support";

/** Screenshots of the main pages, kept as test artifacts in test-results/screens. */
test("main pages render for visitors, members and moderators", async ({ browser }) => {
  test.setTimeout(180_000); // thirteen pages in two browsers, on a shared 2-core machine
  const author = await member(browser, "shots", "MODERATOR");
  const post = await createPost(
    author.api,
    "A post worth a screenshot",
    "Some **markdown**, a list:\n\n- one\n- two\n\n```js\nconsole.log('hi')\n```",
  );
  await author.api.post(`/api/v1/posts/${post.id}/comments`, { body: "A first reply." });
  const guest = await visitor(browser);
  const shots: [import("@playwright/test").Page, string, string][] = [
    [guest.page, "/", "home"],
    [guest.page, "/c/general", "category"],
    [guest.page, `/p/${post.id}`, "post"],
    [guest.page, "/signin", "signin"],
    [guest.page, "/register", "register"],
    [guest.page, "/no-such-page", "not-found"],
    [author.page, `/p/${post.id}`, "post-signed-in"],
    [author.page, "/new", "new-post"],
    [author.page, `/u/${author.api.me.user.username}`, "profile"],
    [author.page, "/admin", "admin"],
    [author.page, "/admin/reports", "admin-reports"],
    [author.page, "/admin/users", "admin-users"],
    [author.page, "/admin/audit", "admin-audit"],
  ];
  for (const [page, path, name] of shots) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  }
  await author.context.close();
  await guest.context.close();
});
