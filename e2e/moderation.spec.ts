import { expect, test } from "@playwright/test";
import { createPost, member, visitor, waitLive } from "./support";

const rooms = (page: import("@playwright/test").Page, room: string) =>
  page.waitForFunction((r) => (document.documentElement.dataset.rooms ?? "").split(" ").includes(r), room, { timeout: 15_000 });

test("a report arrives live, the moderator hides the comment, and it vanishes from an open page", async ({ browser }) => {
  const author = await member(browser, "author");
  const reporter = await member(browser, "reporter");
  const mod = await member(browser, "moderator", "MODERATOR");
  const reader = await visitor(browser);

  const post = await createPost(author.api, `Reported thread ${Date.now()}`);
  const bad = (await author.api.post(`/api/v1/posts/${post.id}/comments`, { body: "This comment breaks the rules" })).json.comment;
  await author.api.post(`/api/v1/posts/${post.id}/comments`, { body: "This one is fine" });

  await mod.page.goto("/admin/reports");
  await waitLive(mod.page);
  await reader.page.goto(`/p/${post.id}`);
  await rooms(reader.page, `post:${post.id}`);
  await expect(reader.page.getByTestId("comment")).toHaveCount(2);

  // The member reports the comment through the post page.
  await reporter.page.goto(`/p/${post.id}`);
  const target = reporter.page.getByTestId("comment").filter({ hasText: "breaks the rules" });
  await target.getByRole("button", { name: /report/i }).click();
  await reporter.page.getByRole("dialog").getByRole("textbox").fill("Insulting other members");
  await reporter.page
    .getByRole("dialog")
    .getByRole("button", { name: /^(send|report|submit)/i })
    .click();
  await expect(reporter.page.getByRole("dialog").getByText(/thank|received|sent/i)).toBeVisible();

  // The moderator's queue shows it without a reload, and they hide the comment.
  const card = mod.page.getByTestId("report").filter({ hasText: "Insulting other members" });
  await expect(card).toBeVisible();
  await expect(card.getByText("breaks the rules")).toBeVisible();
  await card.getByRole("button", { name: "Hide", exact: true }).click();
  // Resolved, it leaves the open queue.
  await expect(card).toHaveCount(0);

  // The reader, who never reloaded, no longer sees it; the other comment stays.
  await expect(reader.page.getByTestId("comment").filter({ hasText: "breaks the rules" })).toHaveCount(0);
  await expect(reader.page.getByTestId("comment").filter({ hasText: "This one is fine" })).toHaveCount(1);
  const audit = (await mod.api.get(`/api/v1/admin/audit?action=comment.hide`)).json.entries;
  expect(audit.some((e: { targetId: string }) => e.targetId === bad.id)).toBe(true);

  for (const c of [author, reporter, mod, reader]) await c.context.close();
});

test("the dashboard's figures move as members come and go", async ({ browser }) => {
  const mod = await member(browser, "watcher", "MODERATOR");
  await mod.page.goto("/admin");
  await waitLive(mod.page);
  const figure = mod.page.getByTestId("figure-online");
  // Read the figure once the live pushes have started (the server-rendered value predates this tab).
  await expect(mod.page.getByText("Live", { exact: true })).toBeVisible();
  const before = Number(await figure.getAttribute("data-value"));

  const guest = await member(browser, "arrival");
  await guest.page.goto("/");
  await waitLive(guest.page);
  await expect(figure).toHaveAttribute("data-value", String(before + 1), { timeout: 15_000 });
  await guest.context.close();
  await expect(figure).toHaveAttribute("data-value", String(before), { timeout: 30_000 });
  await mod.context.close();
});
