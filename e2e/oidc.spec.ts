import { expect, test, type Page } from "@playwright/test";
import { createClient, uniqueName } from "../test/harness";
import { origin, visitor } from "./support";

/** At the local OpenID provider's login page (global-setup.ts): any id signs in with any password. */
async function loginAtProvider(page: Page, id: string) {
  await page.locator('input[name="login"]').fill(id);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function shoot(page: Page, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [size, viewport] of [
      ["desktop", { width: 1280, height: 800 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: `test-results/screens/${name}-${scheme}-${size}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a newcomer signs in with the OpenID provider through the sign-in page's button", async ({ browser }) => {
  test.setTimeout(150_000); // two origins' first page loads and eight screenshots on a shared machine
  const id = uniqueName("oidc");
  const { context, page } = await visitor(browser);
  await page.goto("/signin");
  const button = page.getByRole("button", { name: "Continue with Parley ID" });
  await expect(button).toBeVisible();
  await shoot(page, "signin-providers");
  await button.click();
  await page.waitForURL((url) => url.origin !== origin());
  await loginAtProvider(page, id);
  await page.waitForURL((url) => url.origin === origin() && url.pathname === "/");
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).user).toMatchObject({ username: id, email: `${id.toLowerCase()}@idp.parley.test`, emailVerified: true });
  await expect(page.getByRole("link", { name: /sign in/i })).toHaveCount(0);
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
  await shoot(page, "welcome");

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
