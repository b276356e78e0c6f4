import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { SESSION_COOKIE } from "../test/harness";
import { anonymousApi, createPost, member, origin } from "./support";

/**
 * WCAG 2.2 AA on every page, checked by axe-core in the browser (issue #13; both languages: #15).
 * Any serious or critical violation fails the test, with the rule, the page and the elements.
 *
 * The matrix, and why it is not the full product of roles × pages × themes × languages × widths
 * (axe needs about three seconds a page on a 2-core build machine, and the whole `npm test` has
 * twenty minutes):
 * - en, light: the visitor on every page a visitor can open; the moderator on every page a
 *   signed-in member or staff can open, plus home and the post page, where their controls
 *   (bell, profile link, reply/report, moderation) differ from a visitor's. A member's chrome
 *   is the moderator's minus staff controls.
 * - en, dark: one page of each layout (lists, thread, search, notifications, settings, the
 *   reports queue, the sign-in form). Contrast depends on the theme and on the components a
 *   layout uses, which these pages hold between them; the colours come from shared tokens
 *   (app/globals.css), so a token that fails fails on these pages too.
 * - zh-CN, dark: home, thread and settings. A language changes names, lengths and `lang`, not
 *   colours or structure.
 * - phone width (390 px), as a member: home and post in light, the post in dark, where the
 *   layout collapses.
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
  const signedIn = ["/new", "/notifications", "/settings", "/settings/security", "/settings/account"];
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
  await page.waitForFunction(() => document.documentElement.dataset.live === "connected", undefined, { timeout: 5_000 }).catch(() => {});
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

test("every page as a visitor, every signed-in page as a moderator, English, light", async ({ browser }) => {
  const findings: Finding[] = [];
  findings.push(...(await sweep(browser, "visitor", "light", "en", pages("visitor"))));
  const signedInOnly = pages("moderator").filter((p) => !pages("visitor").includes(p));
  findings.push(...(await sweep(browser, "moderator", "light", "en", ["/", `/p/${fx.postId}`, ...signedInOnly])));
  expect(findings, report(findings)).toEqual([]);
});

test("a page of each layout, English, dark", async ({ browser }) => {
  const layouts = ["/", `/p/${fx.postId}`, "/search?q=contrast", "/notifications", "/settings", "/admin/reports"];
  const findings = [
    ...(await sweep(browser, "moderator", "dark", "en", layouts)),
    ...(await sweep(browser, "visitor", "dark", "en", ["/signin"])),
  ];
  expect(findings, report(findings)).toEqual([]);
});

test("home, thread and settings, Chinese, dark", async ({ browser }) => {
  const findings = await sweep(browser, "moderator", "dark", "zh-CN", ["/", `/p/${fx.postId}`, "/settings"]);
  expect(findings, report(findings)).toEqual([]);
});

test("home and post at phone width as a member, light and dark", async ({ browser }) => {
  const findings = [
    ...(await sweep(browser, "member", "light", "en", ["/", `/p/${fx.postId}`], true)),
    ...(await sweep(browser, "member", "dark", "en", [`/p/${fx.postId}`], true)),
  ];
  expect(findings, report(findings)).toEqual([]);
});
