import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, SESSION_COOKIE } from "../test/harness";
import { anonymousApi, createPost, member, origin } from "./support";

/**
 * WCAG 2.2 AA on every page, checked by axe-core in the browser (issue #13; both languages: #15).
 * Any serious or critical violation fails the test, with the rule, the page and the elements.
 *
 * The matrix: every page each role can open (visitor, member, moderator), each in light (every
 * rule) and in dark (the colour rules: dark mode changes nothing else, which a test here checks),
 * in English; the main three pages at phone width (390 px) as a member in both themes; and
 * in Chinese a page of each layout (lists, thread, search, notifications, settings, the reports
 * queue, the sign-in and register forms): a language changes names, lengths and `lang`, not
 * colours or structure. axe runs in the page itself (legacy mode: no frames to cross) and reports
 * violations only, about a second and a half a page on two cores; the whole pass takes about four
 * minutes of `npm test`'s twenty.
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

/** Which schemes a sweep audits: one, or light (every rule) then dark (the colour rules). */
type Schemes = Theme | "both";

async function contextFor(browser: Browser, role: Role, theme: Theme, locale: Locale, phone = false): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: origin(),
    colorScheme: theme,
    // Transitions stop (app/globals.css), so a page switched to dark is at its dark colours at once.
    reducedMotion: "reduce",
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

/**
 * The rules whose outcome depends on colour. In dark, Parley changes colours and nothing else
 * (the `dark:` variants are colour utilities only, checked below), so a page's dark pass runs
 * these and its light pass runs every rule.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

async function axe(page: Page, where: string, rules?: string[]): Promise<Finding[]> {
  const builder = new AxeBuilder({ page });
  if (rules) builder.withRules(rules);
  const result = await builder
    // No frames to cross: axe runs in the page itself instead of finishing in a fresh blank page.
    .setLegacyMode()
    // A control's accessible name must contain its visible text (WCAG 2.5.3); axe ships it off.
    .options({ resultTypes: ["violations"], rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      where,
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1, 2).join("").trim() ?? ""}`),
    }));
}

/** Opens `path` once and audits it in each scheme asked for (the scheme switches in place). */
async function audit(page: Page, path: string, where: string, schemes: Schemes): Promise<Finding[]> {
  await page.emulateMedia({ colorScheme: schemes === "dark" ? "dark" : "light" });
  await page.goto(path);
  // Client components and the live socket settle the page; audit what a reader then sees.
  await page.waitForFunction(() => document.documentElement.dataset.live === "connected", undefined, { timeout: 5_000 }).catch(() => {});
  if (schemes !== "both") return axe(page, `${where}/${schemes} ${path}`);
  const light = await axe(page, `${where}/light ${path}`);
  await page.emulateMedia({ colorScheme: "dark" });
  return [...light, ...(await axe(page, `${where}/dark ${path}`, COLOUR_RULES))];
}

async function sweep(browser: Browser, role: Role, schemes: Schemes, locale: Locale, paths: string[], phone = false) {
  const context = await contextFor(browser, role, schemes === "dark" ? "dark" : "light", locale, phone);
  const page = await context.newPage();
  const findings: Finding[] = [];
  for (const path of paths) findings.push(...(await audit(page, path, `${role}/${locale}${phone ? "/phone" : ""}`, schemes)));
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

test("dark mode changes colours only, so its pages need only the colour rules", () => {
  const colour =
    /^(text|bg|border(-[trblxy])?|divide|ring|ring-offset|outline|fill|stroke|decoration|shadow|caret|placeholder)-(\[#|inherit\b|current\b|transparent\b|white\b|black\b|(zinc|slate|gray|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose|accent)-\d)/;
  const offenders: string[] = [];
  const scan = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) scan(file);
      else if (/\.(tsx?|css)$/.test(entry.name))
        for (const [, classes] of readFileSync(file, "utf8").matchAll(/\bdark:([^\s"'`]+)/g)) {
          // Strip state variants (hover:, focus-visible:, [&_mark]:, …) down to the utility.
          const utility = classes.replace(/^(([a-z-]+|\[[^\]]+\]):)*/, "");
          if (!colour.test(utility)) offenders.push(`${file}: dark:${classes}`);
        }
    }
  };
  for (const dir of ["app", "components"]) scan(join(REPO_ROOT, dir));
  expect(offenders).toEqual([]);
  expect(readFileSync(join(REPO_ROOT, "app/globals.css"), "utf8").match(/@media \(prefers-color-scheme: dark\) \{[^}]*\{([^}]*)\}/)?.[1]).toMatch(
    /^(\s*--color-[a-z0-9-]+: #[0-9a-f]{6};)+\s*$/,
  );
});

for (const role of ["visitor", "member", "moderator"] as const) {
  test(`every page as a ${role}, English, light and dark`, async ({ browser }) => {
    const findings = await sweep(browser, role, "both", "en", pages(role));
    expect(findings, report(findings)).toEqual([]);
  });
}

test("a page of each layout in Chinese, as a visitor in light and a moderator in dark", async ({ browser }) => {
  const findings = [
    ...(await sweep(browser, "visitor", "light", "zh-CN", ["/", "/signin", "/register"])),
    ...(await sweep(browser, "moderator", "dark", "zh-CN", ["/", `/p/${fx.postId}`, "/search?q=contrast", "/notifications", "/settings", "/admin/reports"])),
  ];
  expect(findings, report(findings)).toEqual([]);
});

test("a hovered button keeps its contrast, in both schemes", async ({ browser }) => {
  // axe sees the state a page is in; these hold the pointer over a primary and a danger button.
  const findings: Finding[] = [];
  const buttons: [Role, string, string][] = [
    ["visitor", "/signin", "Sign in"],
    ["member", "/settings/account", "Delete my account…"],
  ];
  for (const [role, path, name] of buttons) {
    const context = await contextFor(browser, role, "light", "en");
    const page = await context.newPage();
    await page.goto(path);
    const button = page.getByRole("main").getByRole("button", { name, exact: true });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await button.hover();
      findings.push(...(await axe(page, `${role}/${scheme}/hover ${path}`, ["color-contrast"])));
    }
    await context.close();
  }
  expect(findings, report(findings)).toEqual([]);
});

test("home, category and post at phone width as a member, light and dark", async ({ browser }) => {
  const findings = await sweep(browser, "member", "both", "en", ["/", `/c/${fx.category}`, `/p/${fx.postId}`], true);
  expect(findings, report(findings)).toEqual([]);
});
