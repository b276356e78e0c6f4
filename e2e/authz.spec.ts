import { expect, test } from "@playwright/test";
import { signedUpClient, SESSION_COOKIE } from "../test/harness";
import { member, origin, waitLive } from "./support";

/** Issue #10: a tab whose member is banned says so (reason and end), instead of "offline". */
for (const colorScheme of ["light", "dark"] as const) {
  test(`a banned member's open tab says it was banned, with the reason and the end date (${colorScheme})`, async ({ browser }) => {
    const mod = await member(browser, "banner", "MODERATOR");
    const api = await signedUpClient(origin(), "banned");
    const context = await browser.newContext({ baseURL: origin(), colorScheme });
    await context.addCookies([{ name: SESSION_COOKIE, value: api.sessionToken!, url: origin(), httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    await page.goto("/");
    await waitLive(page);

    const until = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const res = await mod.api.post(`/api/v1/admin/users/${api.me.user.id}/ban`, { reason: "Posting spam links", until });
    expect(res.status).toBe(200);
    const notice = page.getByTestId("session-ended");
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("You were banned until");
    await expect(notice).toContainText("Posting spam links");
    await expect(page.getByText("You are offline")).toHaveCount(0);
    await page.screenshot({ path: `test-results/e2e/banned-${colorScheme}.png` });
    await context.close();
    await mod.context.close();
  });
}
