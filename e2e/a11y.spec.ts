import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { SESSION_COOKIE } from "../test/harness";
import { anonymousApi, createPost, member, origin } from "./support";

/**
 * WCAG 2.2 AA on every page, checked by axe-core in the browser (issue #13; both languages: #15).
 * Any serious or critical violation fails the test, with the rule, the page and the elements.
 *
 * The matrix, and why it is not the full product of roles × pages × themes × languages × widths:
 * - en, light: every role on every page it can open (visitor, member, moderator). Roles change
 *   what is on a page (the header's bell and profile menu, reply/report buttons, moderation
 *   controls, the admin pages), so each role is checked on each page once.
 * - en, dark: every page once, as the role that sees the most of it (the moderator, whose pages
 *   are a superset of a member's; the visitor for the signed-out pages). Contrast depends on the
 *   theme, not on who looks; the moderator's chrome holds every control a member's does.
 * - zh-CN, dark: every page once, as above. A language changes names, lengths and `lang`, not
 *   colours: one role and one theme per page is enough (dark, the scheme with less headroom).
 * - phone width (390 px), light and dark: home, category and post, where the layout collapses.
 * About 80 page views. One browser context per role/theme/language, signed in by cookie once and
 * reused page after page, keeps the file near a minute and a half on an idle build machine.
 */
// Generous per test: on a machine busy with other builds one axe pass can take many seconds.
test.describe.configure({ mode: "serial", timeout: 900_000 });

type Role = "visitor" | "member" | "moderator";
type Theme = "light" | "dark";
type Locale = "en" | "zh-CN";

interface Fixture {
  postId: string;
  category: string;
  username: string;
  tokens: { member: string; moderator: string };
}

let fx: Fixture;

/** Pages each role can open (signed-in members are sent away from sign-in and register). */
function pages(role: Role): string[] {
  const common = [
    "/",
    `/c/${fx.category}`,
    `/p/${fx.postId}`,
    `/u/${encodeURIComponent(fx.username)}`,
    "/search?q=contrast",
    "/no-such-page",
    "/verify-email?token=not-a-real-token",
  ];
  const signedOut = ["/signin", "/register", "/forgot-password", "/reset-password?token=not-a-real-token"];
  const signedIn = ["/new", "/notifications", "/settings/security"];
  const staff = ["/admin", "/admin/reports", "/admin/users", "/admin/audit"];
  if (role === "visitor") return [...common, ...signedOut];
  if (role === "member") return [...common, ...signedIn];
  return [...common, ...signedIn, ...staff];
}

async function contextFor(browser: Browser, role: Role, theme: Theme, locale: Locale, phone = false): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: origin(),
    colorScheme: theme,
    locale,
    ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  });
  const cookies: { name: string; value: string; url: string }[] = [{ name: "parley-locale", value: locale, url: origin() }];
  if (role !== "visitor") cookies.push({ name: SESSION_COOKIE, value: fx.tokens[role], url: origin() });
  await context.addCookies(cookies);
  return context;
}

interface Finding {
  where: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

async function audit(page: Page, path: string, where: string): Promise<Finding[]> {
  await page.goto(path);
  // Client components and the live socket settle the page; audit what a reader then sees.
  await page.waitForFunction(() => document.documentElement.dataset.live === "connected", undefined, { timeout: 15_000 }).catch(() => {});
  const result = await new AxeBuilder({ page })
    // A control's accessible name must contain its visible text (WCAG 2.5.3); axe ships it off.
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      where: `${where} ${path}`,
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1, 2).join("").trim() ?? ""}`),
    }));
}

async function sweep(browser: Browser, role: Role, theme: Theme, locale: Locale, paths: string[], phone = false) {
  const context = await contextFor(browser, role, theme, locale, phone);
  const page = await context.newPage();
  const findings: Finding[] = [];
  for (const path of paths) findings.push(...(await audit(page, path, `${role}/${theme}/${locale}${phone ? "/phone" : ""}`)));
  await context.close();
  return findings;
}

const report = (findings: Finding[]) =>
  findings.map((f) => `${f.where}: [${f.impact}] ${f.rule} (${f.help})\n    ${f.targets.join("\n    ")}`).join("\n");

test.beforeAll(async ({ browser }) => {
  // Content that brings out every state a page can show: a post with comments, a reaction,
  // a mention (an unread notification), a report in the queue, a locked post and a hidden comment.
  const author = await member(browser, "axeauthor");
  const reader = await member(browser, "axereader");
  const mod = await member(browser, "axemod", "MODERATOR");
  const post = await createPost(author.api, "Contrast and keyboard", `Hello @${reader.api.me.user.username}, **welcome**.`);
  const c1 = (await author.api.post(`/api/v1/posts/${post.id}/comments`, { body: `A first comment for @${reader.api.me.user.username}` }))
    .json.comment;
  await reader.api.post(`/api/v1/posts/${post.id}/comments`, { body: "A reply", replyToId: c1.id });
  const spam = (await reader.api.post(`/api/v1/posts/${post.id}/comments`, { body: "A comment a moderator hides" })).json.comment;
  await reader.api.put(`/api/v1/posts/${post.id}/reaction`, { kind: "LIKE" });
  await reader.api.post("/api/v1/reports", { targetType: "post", targetId: post.id, reason: "Checking the queue's contrast" });
  await mod.api.patch(`/api/v1/admin/comments/${spam.id}`, { hidden: true });
  const locked = await createPost(author.api, "A locked thread");
  await mod.api.patch(`/api/v1/admin/posts/${locked.id}`, { locked: true });
  fx = {
    postId: post.id,
    category: "general",
    username: author.api.me.user.username,
    tokens: { member: reader.api.sessionToken!, moderator: mod.api.sessionToken! },
  };
  for (const m of [author, reader, mod]) await m.context.close();
  expect((await anonymousApi().get(`/api/v1/posts/${post.id}`)).status).toBe(200);
});

test("every page as every role, English, light", async ({ browser }) => {
  const findings: Finding[] = [];
  for (const role of ["visitor", "member", "moderator"] as const)
    findings.push(...(await sweep(browser, role, "light", "en", pages(role))));
  expect(findings, report(findings)).toEqual([]);
});

/** Every page once, as the role that sees the most of it. */
async function everyPageOnce(browser: Browser, theme: Theme, locale: Locale) {
  const staffPages = pages("moderator");
  const signedOutOnly = pages("visitor").filter((p) => !staffPages.includes(p));
  return [
    ...(await sweep(browser, "moderator", theme, locale, staffPages)),
    ...(await sweep(browser, "visitor", theme, locale, signedOutOnly)),
  ];
}

test("every page, English, dark", async ({ browser }) => {
  const findings = await everyPageOnce(browser, "dark", "en");
  expect(findings, report(findings)).toEqual([]);
});

test("every page, Chinese, dark", async ({ browser }) => {
  const findings = await everyPageOnce(browser, "dark", "zh-CN");
  expect(findings, report(findings)).toEqual([]);
});

test("home, category and post at phone width, light and dark", async ({ browser }) => {
  const main = ["/", `/c/${fx.category}`, `/p/${fx.postId}`];
  const findings = [
    ...(await sweep(browser, "member", "light", "en", main, true)),
    ...(await sweep(browser, "member", "dark", "en", main, true)),
  ];
  expect(findings, report(findings)).toEqual([]);
});
