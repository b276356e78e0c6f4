import { expect, test } from "@playwright/test";
import { createClient, SESSION_COOKIE } from "../test/harness";
import { tokenFrom, waitForMail } from "../test/mail";
import { createPost, member, origin, visitor, waitLive } from "./support";

test.describe("accounts", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a forgotten password is reset through the mailed link, and the new one signs in", async ({ browser }) => {
    const who = await member(browser, "forgetful");
    await who.context.close();
    const guest = await visitor(browser);
    const page = guest.page;

    await page.goto("/signin");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page).toHaveURL(/\/forgot-password/);
    await waitLive(page); // hydrated: the form is React's, not a plain HTML one
    await page.getByLabel("Email").fill(who.api.me.email);
    await page.getByRole("button", { name: "Mail me a link" }).click();
    await expect(page.getByText(/a link to reset its password is on its way/)).toBeVisible();

    const mail = await waitForMail(process.env.PARLEY_E2E_MAIL_DIR!, who.api.me.email, { subject: /password/i });
    await page.goto(`/reset-password?token=${encodeURIComponent(tokenFrom(mail, "/reset-password"))}`);
    await waitLive(page);
    await page.getByLabel("New password", { exact: true }).fill("a fresh passphrase for parley");
    await page.getByLabel("Repeat the new password").fill("a fresh passphrase for parley");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText(/Your password is changed/)).toBeVisible();

    await page.goto("/signin");
    await waitLive(page);
    await page.getByLabel("Email").fill(who.api.me.email);
    await page.getByLabel("Password", { exact: true }).fill("a fresh passphrase for parley");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("link", { name: new RegExp(who.api.me.user.username) }).first()).toBeVisible();
    // The old password is gone for good.
    expect((await createClient(origin()).trySignIn(who.api.me.email, who.api.me.password)).ok).toBe(false);
    await guest.context.close();
  });

  test("'Sign out everywhere else' closes the other browser's live session at once", async ({ browser }) => {
    const here = await member(browser, "twodevices");
    const post = await createPost(here.api, "Read on another device");
    // The same member signed in a second time, in a second browser: a session of its own.
    const elsewhere = createClient(origin());
    await elsewhere.signIn(here.api.me.email, here.api.me.password);
    const other = await browser.newContext({ baseURL: origin() });
    await other.addCookies([{ name: SESSION_COOKIE, value: elsewhere.sessionToken!, url: origin(), httpOnly: true, sameSite: "Lax" }]);
    const otherPage = await other.newPage();
    await otherPage.goto(`/p/${post.id}`);
    await waitLive(otherPage);

    await here.page.goto("/settings/security");
    await here.page.getByRole("button", { name: "Sign out everywhere else" }).click();
    // The other browser is sent to the sign-in page, which says why, without touching it.
    await expect(otherPage).toHaveURL(/\/signin\?ended=signed-out/);
    await expect(otherPage.getByText("You were signed out from another device.", { exact: false })).toBeVisible();
    // This browser stays signed in.
    await here.page.goto("/settings/security");
    await expect(here.page.getByRole("button", { name: "Sign out everywhere else" })).toBeVisible();
    await here.context.close();
    await other.close();
  });
});
