import { expect, test } from "@playwright/test";
import { createPost, member, origin, waitLive } from "./support";

// Several pages, each compiled on first visit, on a shared 2-core machine: more than the default minute.
test.describe.configure({ timeout: 180_000 });

const CONSONANTS = "bcdfghjklmnpqrtvwxz";
const word = () => "zq" + Array.from({ length: 7 }, () => CONSONANTS[Math.floor(Math.random() * CONSONANTS.length)]).join("");

test("search from the header: '/' focuses the box, results appear as you type, Enter opens the chosen one", async ({ browser }) => {
  const { page, api, context } = await member(browser, "seeker");
  const tok = word();
  const wanted = await createPost(api, `Deploying ${tok} on a Friday`, "We rolled it out slowly.");
  const other = await createPost(api, "Unrelated", `A comment-free post that mentions ${tok} in passing, deep in its body.`);

  await page.goto("/");
  // "/" is a shortcut the page's script listens for: press it once the page is live (hydrated).
  await waitLive(page);
  await page.locator("body").press("/");
  const box = page.getByRole("combobox", { name: "Search" });
  await expect(box).toBeFocused();
  // A beginning of a word is enough (search as you type); stems match ("deploy" ~ "Deploying").
  await box.pressSequentially(`${tok.slice(0, 6)} deploy`, { delay: 30 });
  const list = page.getByRole("listbox", { name: "Search results" });
  const options = list.getByRole("option");
  await expect(options.first()).toContainText(wanted.title);
  await expect(list.getByRole("option", { name: other.title })).toHaveCount(0);
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expect(options.first().locator("mark").first()).toBeVisible();

  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await page.waitForURL(`**/p/${wanted.id}`);
  await expect(page.getByRole("heading", { level: 1, name: wanted.title })).toBeVisible();

  // Enter with nothing chosen opens the search page, whose address can be shared.
  await page.locator("body").press("/");
  await box.fill(tok);
  await expect(options.first()).toContainText(tok);
  await box.press("Enter");
  await page.waitForURL(/\/search\?q=/);
  expect(new URL(page.url()).searchParams.get("q")).toBe(tok);
  const results = page.getByRole("main").getByRole("link", { name: new RegExp(tok) });
  await expect(results).toHaveCount(2);
  await expect(results.first()).toContainText(wanted.title); // the title hit ranks first
  await results.nth(1).click();
  await page.waitForURL(`**/p/${other.id}`);
  await context.close();
});

test("a Chinese query finds a word inside unspaced Chinese text, in the Chinese interface", async ({ browser }) => {
  const { page, api, context } = await member(browser, "zh_seeker");
  await context.addCookies([{ name: "parley-locale", value: "zh-CN", url: origin() }]);
  const post = await createPost(api, "实时论坛的消息推送", "我们讨论如何把消息推送到每一个打开的页面。");

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const box = page.getByRole("combobox", { name: "搜索" });
  await box.click();
  await box.fill("消息推送");
  // Other specs post under the same title: this post is the one whose snippet is its own body.
  const option = page
    .getByRole("listbox", { name: "搜索结果" })
    .getByRole("option")
    .filter({ hasText: post.title })
    .filter({ hasText: "每一个打开的页面" });
  await expect(option).toBeVisible();
  await expect(option.locator("mark").first()).toHaveText("消息推送");

  await page.goto(`/search?${new URLSearchParams({ q: "消息推送", author: api.me.user.username })}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“消息推送”的搜索结果");
  const hit = page.getByRole("main").getByRole("link", { name: /实时论坛的消息推送/ });
  await expect(hit).toHaveCount(1);
  await expect(hit.locator("mark").first()).toHaveText("消息推送");
  await hit.click();
  await page.waitForURL(`**/p/${post.id}`);
  await context.close();
});
