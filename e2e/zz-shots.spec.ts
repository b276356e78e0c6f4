import { test } from "@playwright/test";
import { createPost, member, origin } from "./support";
import { SESSION_COOKIE } from "../test/harness";

test("follow screenshots", async ({ browser }) => {
  test.setTimeout(240_000);
  const a = await member(browser, "shotwriter");
  const b = await member(browser, "shotreader");
  const post = await createPost(a.api, "How do you follow a busy thread?", "Looking for tips on **keeping up**.");
  const c1 = (await b.api.post(`/api/v1/posts/${post.id}/comments`, { body: `I watch it, @${a.api.me.user.username}.` })).json.comment;
  await a.api.post(`/api/v1/posts/${post.id}/comments`, { body: "Thanks! And the unread badge?", replyToId: c1.id });
  await b.api.put(`/api/v1/posts/${post.id}/read`, { seq: 1 });
  await a.api.post(`/api/v1/posts/${post.id}/comments`, { body: "> quoted text\n\nAnother reply" });
  await createPost(a.api, "A fresh post nobody opened");
  for (const scheme of ["light", "dark"] as const) {
    for (const [w, h, tag] of [
      [1280, 900, "desk"],
      [390, 844, "phone"],
    ] as const) {
      const ctx = await browser.newContext({ baseURL: origin(), colorScheme: scheme, viewport: { width: w, height: h } });
      await ctx.addCookies([{ name: SESSION_COOKIE, value: b.api.sessionToken!, url: origin(), httpOnly: true, sameSite: "Lax" }]);
      const page = await ctx.newPage();
      await page.goto("/");
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/shots/home-${scheme}-${tag}.png` });
      await page.goto(`/p/${post.id}`);
      await page.waitForTimeout(800);
      await page.getByTestId("watch-control").click();
      await page.screenshot({ path: `/tmp/shots/post-${scheme}-${tag}.png`, fullPage: true });
      await page.keyboard.press("Escape");
      await page.getByTestId("comment").first().getByRole("button", { name: "Reply" }).click();
      await page.getByLabel("Your comment").pressSequentially(`hi @${a.api.me.user.username.slice(0, 6)}`, { delay: 20 });
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/shots/composer-${scheme}-${tag}.png`, fullPage: true });
      await page.goto("/notifications");
      await page.waitForTimeout(500);
      await page.screenshot({ path: `/tmp/shots/notifications-${scheme}-${tag}.png` });
      await page.goto("/c/general");
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/shots/category-${scheme}-${tag}.png` });
      await ctx.close();
    }
  }
});
