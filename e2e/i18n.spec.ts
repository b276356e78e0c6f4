import { expect, test, type Browser, type Page } from "@playwright/test";
import { SESSION_COOKIE } from "../test/harness";
import { createPost, member, origin } from "./support";

/**
 * The interface in Simplified Chinese: chosen by the browser's Accept-Language for a guest,
 * by the footer's switcher (a cookie) for anyone, and kept on the page the reader was on.
 */
const LOCALE_COOKIE = "parley-locale";
// Several page loads and a registration each, on a machine that may be busy.
test.describe.configure({ timeout: 180_000 });

async function guestIn(browser: Browser, acceptLanguage: string) {
  const context = await browser.newContext({ baseURL: origin(), locale: "zh-CN", extraHTTPHeaders: { "accept-language": acceptLanguage } });
  return { context, page: await context.newPage() };
}

const htmlLang = (page: Page) => page.locator("html").getAttribute("lang");

test("a guest whose browser asks for Chinese reads the main pages in Chinese", async ({ browser }) => {
  const author = await member(browser, "zhauthor");
  const post = await createPost(author.api, "实时论坛的消息推送", "正文：**消息**推送。");
  await author.api.post(`/api/v1/posts/${post.id}/comments`, { body: "第一条评论。" });
  await author.context.close();

  const { context, page } = await guestIn(browser, "zh-CN,zh;q=0.9,en;q=0.5");
  await page.goto("/");
  expect(await htmlLang(page)).toBe("zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "欢迎来到 Parley" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "分类" }).getByRole("link", { name: "全部" })).toBeVisible();
  await expect(page.getByRole("link", { name: "登录", exact: true })).toBeVisible();
  await expect(page.getByText("最新帖子")).toBeVisible();
  await expect(page.getByText("Latest posts")).toHaveCount(0);
  await expect(page).toHaveTitle("Parley");

  await page.goto(`/p/${post.id}`);
  expect(await htmlLang(page)).toBe("zh-CN");
  await expect(page).toHaveTitle("实时论坛的消息推送 · Parley");
  await expect(page.getByRole("heading", { name: "1 条评论" })).toBeVisible();
  // Relative times come from Intl in the active language, not a hand-written English "ago".
  await expect(page.getByTestId("comment").locator("time")).toHaveText(/刚刚|分钟前/);
  await expect(page.getByRole("link", { name: "注册账号" })).toBeVisible();
  await expect(page.getByText(/\bago\b|just now/)).toHaveCount(0);

  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "欢迎回来" })).toBeVisible();
  await expect(page.getByLabel("邮箱")).toBeVisible();
  await page.getByLabel("邮箱").fill("nobody@example.com");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByText("邮箱或密码错误。")).toBeVisible();

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "这里什么都没有" })).toBeVisible();
  await context.close();
});

test("a member registers, posts and comments in Chinese", async ({ browser }) => {
  const { context, page } = await guestIn(browser, "zh-CN");
  const name = `zh${Date.now().toString(36)}`;
  await page.goto("/register");
  await expect(page).toHaveTitle("创建账号 · Parley");
  await page.getByLabel("邮箱").fill(`${name}@example.com`);
  await page.getByLabel("用户名").fill(name);
  await page.getByLabel("密码").fill("a-long-password");
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await expect(page.getByRole("heading", { name: `欢迎回来，${name}` })).toBeVisible();

  await page.goto("/new");
  await page.getByRole("button", { name: "发布帖子" }).click();
  await expect(page.getByText("请给帖子起个标题。")).toBeVisible();
  await page.getByLabel("标题").fill("缓存的问题");
  await page.getByLabel("正文", { exact: true }).fill("Next.js 的缓存怎么清？");
  await page.getByRole("button", { name: "发布帖子" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "缓存的问题" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "导航路径" }).getByRole("link", { name: "首页" })).toBeVisible();
  await expect(page.locator("article time").first()).toHaveText(/刚刚|分钟前/);

  await page.getByLabel("你的评论", { exact: true }).fill("我也想知道。");
  await page.getByRole("button", { name: "发表评论", exact: true }).click();
  const comment = page.getByTestId("comment").filter({ hasText: "我也想知道。" });
  await expect(comment).toHaveCount(1);
  await expect(comment.getByText("楼主")).toBeVisible();
  await expect(page.getByRole("heading", { name: "1 条评论" })).toBeVisible();
  await context.close();
});

test("the switcher changes the language in one click and keeps the page", async ({ browser }) => {
  const author = await member(browser, "switch");
  const post = await createPost(author.api, "A post to switch languages on");
  const page = author.page;
  await page.goto(`/p/${post.id}`);
  expect(await htmlLang(page)).toBe("en");
  await expect(page.getByRole("button", { name: "Comment", exact: true })).toBeVisible();

  const switcher = page.getByRole("navigation", { name: "Language" });
  await switcher.getByRole("button", { name: "简体中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN", { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "发表评论", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`/p/${post.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "A post to switch languages on" })).toBeVisible();

  // The choice is remembered: a new page load stays in Chinese.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /^欢迎回来/ })).toBeVisible();

  await page.getByRole("navigation", { name: "语言" }).getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en", { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome back/ })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
  await author.context.close();
});

test("the cookie the switcher sets wins over Accept-Language; the admin dashboard speaks it too", async ({ browser }) => {
  const staff = await member(browser, "zhadmin", "ADMIN");
  const context = await browser.newContext({ baseURL: origin(), extraHTTPHeaders: { "accept-language": "en-US,en;q=0.9" } });
  await context.addCookies([
    { name: SESSION_COOKIE, value: staff.api.sessionToken!, url: origin(), httpOnly: true, sameSite: "Lax" },
    { name: LOCALE_COOKIE, value: "zh-CN", url: origin(), sameSite: "Lax" },
  ]);
  const page = await context.newPage();
  await page.goto("/admin");
  expect(await htmlLang(page)).toBe("zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "概览" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "管理" }).getByRole("link", { name: "审计日志" })).toBeVisible();
  await expect(page.getByTestId("figure-online")).toContainText("在线成员");
  await page.goto("/admin/users");
  await expect(page).toHaveTitle("用户 · 管理后台 · Parley");
  await expect(page.getByRole("searchbox", { name: "按用户名或邮箱搜索用户" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "角色" })).toBeVisible();
  await context.close();
  await staff.context.close();
});
