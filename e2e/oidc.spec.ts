import { expect, test, type Page } from "@playwright/test";
import { createClient, uniqueName } from "../test/harness";
import { origin, visitor } from "./support";

/** At the local OpenID provider's login page (global-setup.ts): any id signs in with any password. */
async function loginAtProvider(page: Page, id: string) {
  await page.locator('input[name="login"]').fill(id);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("a newcomer signs in with the OpenID provider, has no password to change, and deletes the account on the strength of that sign-in", async ({
  browser,
}) => {
  test.setTimeout(150_000); // two origins' first page loads on a shared machine
  const id = uniqueName("oidc");
  const { context, page } = await visitor(browser);
  await page.goto("/signin");
  const button = page.getByRole("button", { name: "Continue with Parley ID" });
  await expect(button).toBeVisible();
  await button.click();
  await page.waitForURL((url) => url.origin !== origin());
  await loginAtProvider(page, id);
  await page.waitForURL((url) => url.origin === origin() && url.pathname === "/");
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).user).toMatchObject({ username: id, email: `${id.toLowerCase()}@idp.parley.test`, emailVerified: true, hasPassword: false });
  await expect(page.getByRole("link", { name: /sign in/i })).toHaveCount(0);

  // No current password to type: a password is set through a mailed link instead.
  await page.goto("/settings/security");
  await expect(page.getByLabel("Current password")).toHaveCount(0);
  await page.getByRole("button", { name: "Mail me a link to set a password" }).click();
  await expect(page.getByText(/We mailed a link to/)).toBeVisible();

  // Deleting asks for no password: the provider sign-in a moment ago is the proof.
  await page.goto("/settings/account");
  await page.getByRole("button", { name: "Delete my account…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account for good?" });
  await expect(dialog.getByRole("button", { name: "Continue with Parley ID" })).toBeVisible();
  await expect(dialog.getByLabel("Your password")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await page.waitForURL(/\/signin\?ended=deleted/);
  await context.close();
});

test("a taken username is chosen on the welcome page, then the member is signed in", async ({ browser }) => {
  test.setTimeout(150_000);
  const taken = uniqueName("taken");
  await createClient(origin()).signUp(taken);
  const { context, page } = await visitor(browser);
  await page.goto("/register");
  await page.getByRole("button", { name: "Continue with Parley ID" }).click();
  await page.waitForURL((url) => url.origin !== origin());
  await loginAtProvider(page, taken);
  await page.waitForURL((url) => url.pathname === "/welcome");
  await expect(page.getByRole("heading", { name: "One more step" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(`${taken.toLowerCase()}@idp.parley.test`);

  await page.getByRole("button", { name: "Finish signing up" }).click();
  await expect(page.getByText(/already taken/i)).toBeVisible();
  const chosen = uniqueName("chosen");
  await page.getByLabel("Username").fill(chosen);
  await page.getByRole("button", { name: "Finish signing up" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  const me = await page.request.get("/api/v1/me");
  expect((await me.json()).user.username).toBe(chosen);
  await context.close();
});
