import { expect, test, type Locator, type Page } from "@playwright/test";
import { uniqueName } from "../test/harness";
import { createPost, member, visitor } from "./support";

/**
 * Parley with the keyboard alone (issue #13): register → post → comment → react → report →
 * moderate in Chromium, driven by Tab, Shift+Tab, Enter, Space, Escape and typing. No clicks, no
 * fill(): focus gets to each control the way a keyboard user's would, and every control it lands
 * on shows a focus indicator.
 */
test.describe.configure({ timeout: 240_000 });

/** Tabs forward until `target` has focus (at most `limit` presses); it must show a focus indicator. */
async function tabTo(page: Page, target: Locator, limit = 80) {
  await expect(target).toBeVisible();
  // One round trip per press: the element is resolved once, then asked whether focus is in it.
  const element = await target.elementHandle();
  for (let i = 0; i < limit; i++) {
    const ring = await element!.evaluate((el) => {
      if (el !== document.activeElement && !el.contains(document.activeElement)) return null;
      const s = getComputedStyle(document.activeElement!);
      return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
    });
    if (ring !== null) {
      expect(ring, "the focused control shows a focus ring").toBe(true);
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

test("register, post, comment, react, report and moderate with the keyboard alone", async ({ browser }) => {
  const other = await member(browser, "kbother");
  const theirs = await createPost(other.api, `Someone else's thread ${Date.now()}`, "Report me with the keyboard.");
  const mod = await member(browser, "kbmod", "MODERATOR");
  const { context, page } = await visitor(browser);

  // Register, from the header. The skip link is the first stop on the page.
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await tabTo(page, page.getByRole("link", { name: "Register", exact: true }));
  await page.keyboard.press("Enter");
  // The form starts in its first field.
  await expect(page.getByLabel("Email")).toBeFocused();
  const username = uniqueName("keys");
  await typeInto(page, page.getByLabel("Email"), `${username}@example.test`);
  await typeInto(page, page.getByLabel("Username"), username);
  await typeInto(page, page.getByLabel("Password"), "a long enough password");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 20_000 });

  // Post: from the home page's "New post" button.
  await page.goto("/");
  await tabTo(page, page.getByRole("link", { name: "New post" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/new/);
  const title = `Typed without a mouse ${username}`;
  await typeInto(page, page.getByLabel("Title"), title);
  await typeInto(page, page.getByLabel("Body"), "Every step of this came from the keyboard.");
  await tabTo(page, page.getByRole("button", { name: "Publish post" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: title })).toBeVisible({ timeout: 20_000 });

  // Comment, sent with the composer's shortcut.
  await typeInto(page, page.getByLabel("Your comment"), "A comment typed and sent from the keyboard.");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("comment").filter({ hasText: "typed and sent from the keyboard" })).toBeVisible();

  // React to someone else's post with Space, then report it through the dialog.
  await page.goto(`/p/${theirs.id}`);
  const like = page.getByRole("button", { name: "Like" }).first();
  await tabTo(page, like);
  await page.keyboard.press("Space");
  await expect(like).toHaveAttribute("aria-pressed", "true");

  await tabTo(page, page.getByRole("button", { name: "Report post" }));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  // Focus starts inside the dialog; the reason field is the first thing to fill.
  await expect(dialog.locator(":focus")).toHaveCount(1);
  await typeInto(page, dialog.getByRole("textbox"), "Reported from the keyboard");
  await tabTo(page, dialog.getByRole("button", { name: "Send report" }));
  await page.keyboard.press("Enter");
  await expect(dialog.getByText(/moderators will take a look/)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The notification bell: focus moves into its panel and Escape brings it back.
  const bell = page.getByTestId("notification-bell");
  await tabTo(page, bell);
  await page.keyboard.press("Enter");
  await expect(bell).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("region", { name: "Notifications" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(bell).toHaveAttribute("aria-expanded", "false");
  await expect(bell).toBeFocused();
  await context.close();

  // Moderate: the moderator hides the reported post from the queue.
  await mod.page.goto("/admin/reports");
  const card = mod.page.getByTestId("report").filter({ hasText: "Reported from the keyboard" });
  await expect(card).toBeVisible();
  await tabTo(mod.page, card.getByRole("button", { name: "Hide", exact: true }));
  await mod.page.keyboard.press("Enter");
  await expect(card).toHaveCount(0);
  const post = await other.api.get(`/api/v1/posts/${theirs.id}`);
  expect(post.status).toBe(404);
  for (const m of [other, mod]) await m.context.close();
});

test("in a thread with the keyboard alone: reply, quote, mention, edit, delete, react, watch, and a moderator's controls", async ({ browser }) => {
  const a = await member(browser, "kbthread");
  const b = await member(browser, "kbpeer");
  const mod = await member(browser, "kbstaff", "MODERATOR");
  const post = await createPost(a.api, `Answered by keyboard ${Date.now()}`);
  await b.api.post(`/api/v1/posts/${post.id}/comments`, { body: "The original point" });
  const bName = b.api.me.user.username;
  const page = a.page;
  const comments = page.getByTestId("comment");
  const box = page.getByLabel("Your comment");

  await page.goto(`/p/${post.id}`);
  const original = comments.filter({ hasText: "The original point" });

  // Reply: the button puts focus in the composer, which says whom it answers.
  await tabTo(page, original.getByRole("button", { name: "Reply" }));
  await page.keyboard.press("Enter");
  await expect(box).toBeFocused();
  await expect(page.getByTestId("replying-to")).toHaveText(`Replying to @${bName} #1`);
  await page.keyboard.type("I answer you");
  await page.keyboard.press("Control+Enter");
  const answer = comments.filter({ hasText: "I answer you" });
  await expect(answer.getByTestId("in-reply-to")).toHaveText(`in reply to @${bName} #1`);
  await expect(answer.getByTestId("in-reply-to")).toHaveAttribute("href", /#comment-/);
  await expect.poll(async () => (await b.api.get("/api/v1/notifications")).json.notifications[0]?.kind).toBe("REPLY");

  // Quote, then a mention chosen from the autocomplete with the arrow keys.
  await tabTo(page, original.getByRole("button", { name: "Quote" }));
  await page.keyboard.press("Enter");
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(/^> \[@.* wrote #1\]/);
  await page.keyboard.type(`Agreed, @${bName.slice(0, 8)}`, { delay: 20 });
  const option = page.getByRole("option", { name: `@${bName}` });
  await expect(option).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue(new RegExp(`Agreed, @${bName} $`));
  await page.keyboard.press("Control+Enter");
  const quoted = comments.filter({ hasText: "Agreed," });
  await expect(quoted.locator("blockquote")).toContainText("The original point");
  await expect(quoted.getByRole("link", { name: `@${bName}`, exact: true })).toHaveAttribute("href", `/u/${bName}`);

  // Edit one's own comment: the form opens with focus in it and saves with Enter on Save.
  await tabTo(page, answer.getByRole("button", { name: "Edit comment" }));
  await page.keyboard.press("Enter");
  // (The comment's text is now the editor's value, so the editor is found on the page.)
  const editor = page.getByRole("combobox", { name: "Edit comment" });
  await expect(editor).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.type(", and I mean it");
  await tabTo(page, page.getByRole("button", { name: "Save", exact: true }));
  await page.keyboard.press("Enter");
  await expect(comments.filter({ hasText: "I answer you, and I mean it" })).toBeVisible();

  // Delete it through the confirmation dialog.
  await tabTo(page, quoted.getByRole("button", { name: "Delete comment" }));
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Delete this comment?" });
  await expect(confirm).toBeVisible();
  await expect(confirm.locator(":focus")).toHaveCount(1);
  await tabTo(page, confirm.getByRole("button", { name: "Delete", exact: true }));
  await page.keyboard.press("Enter");
  await expect(comments.filter({ hasText: "Agreed," })).toHaveCount(0);

  // React to a comment through its picker: the button opens the row of reactions in place.
  await tabTo(page, original.getByRole("button", { name: "Add a reaction" }));
  await page.keyboard.press("Enter");
  const heart = original.getByRole("button", { name: /^Love/ });
  await tabTo(page, heart);
  await page.keyboard.press("Space");
  await expect(heart).toHaveAttribute("aria-pressed", "true");

  // Watch the post of someone else from its menu: arrow keys move, Enter chooses, focus returns.
  const watch = b.page.getByTestId("watch-control");
  await b.page.goto(`/p/${post.id}`);
  await tabTo(b.page, watch);
  await b.page.keyboard.press("Enter");
  await expect(b.page.getByRole("menuitemradio", { name: /Normal/ })).toBeFocused();
  await b.page.keyboard.press("ArrowUp");
  await expect(b.page.getByRole("menuitemradio", { name: /Watching/ })).toBeFocused();
  await b.page.keyboard.press("Enter");
  await expect(watch).toBeFocused();
  await expect(watch).toHaveAccessibleName(/: Watching$/);

  // The moderator pins and locks the post and hides a comment from the post page itself.
  const staff = mod.page;
  await staff.goto(`/p/${post.id}`);
  const controls = staff.getByRole("group", { name: "Moderation" });
  await tabTo(staff, controls.getByRole("button", { name: "Pin" }));
  await staff.keyboard.press("Enter");
  await expect(controls.getByRole("button", { name: "Unpin" })).toBeVisible();
  await tabTo(staff, controls.getByRole("button", { name: "Lock" }));
  await staff.keyboard.press("Enter");
  await expect(controls.getByRole("button", { name: "Unlock" })).toBeVisible();
  const target = staff.getByTestId("comment").filter({ hasText: "The original point" });
  await tabTo(staff, target.getByRole("button", { name: "Hide" }));
  await staff.keyboard.press("Enter");
  await expect(target.getByRole("button", { name: "Unhide" })).toBeVisible();
  await expect.poll(async () => (await a.api.get(`/api/v1/posts/${post.id}`)).json.post.locked).toBe(true);
  await expect(comments.filter({ hasText: "The original point" })).toHaveCount(0);
  for (const m of [a, b, mod]) await m.context.close();
});
