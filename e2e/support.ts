import type { Browser, BrowserContext, Page } from "@playwright/test";
import { createClient, directDb, signedUpClient, SESSION_COOKIE, type Client, type SignedUp } from "../test/harness";

export const origin = () => {
  const o = process.env.PARLEY_E2E_ORIGIN;
  if (!o) throw new Error("PARLEY_E2E_ORIGIN is not set: run through `npx playwright test` (global setup starts Parley)");
  return o;
};

export interface Member {
  context: BrowserContext;
  page: Page;
  api: Client & { me: SignedUp };
}

/** A fresh member signed up over the API, with a browser context holding their session cookie. */
export async function member(browser: Browser, prefix: string, role?: "MODERATOR" | "ADMIN"): Promise<Member> {
  const api = await signedUpClient(origin(), prefix);
  if (role) {
    const db = directDb(process.env.PARLEY_E2E_DATABASE_URL!);
    await db.setRole(api.me.user.id, role);
    await db.close();
  }
  const context = await browser.newContext({ baseURL: origin() });
  await context.addCookies([{ name: SESSION_COOKIE, value: api.sessionToken!, url: origin(), httpOnly: true, sameSite: "Lax" }]);
  return { context, page: await context.newPage(), api };
}

/** A visitor who is not signed in. */
export async function visitor(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: origin() });
  return { context, page: await context.newPage() };
}

export async function createPost(api: Client, title: string, body = "Posted for a browser test.", categorySlug = "general") {
  const res = await api.post("/api/v1/posts", { categorySlug, title, body });
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${res.text}`);
  return res.json.post as { id: string; title: string };
}

export const anonymousApi = () => createClient(origin());

/** Waits until the page's socket is connected (the header shows no "reconnecting" banner and the store says so). */
export async function waitLive(page: Page) {
  await page.waitForFunction(() => document.documentElement.dataset.live === "connected", undefined, { timeout: 15_000 });
}
