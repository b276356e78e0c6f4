import { expect, test } from "@playwright/test";
import { uniqueName } from "../test/harness";

/** A newcomer's first visit: register, sign in, post, comment, see both, sign out. */
test("register, sign in, post, comment and sign out", async ({ page }) => {
  const username = uniqueName("newcomer");
  const email = `${username}@example.test`;
  const password = "a long enough password";

  await page.goto("/register");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /create account|register|sign up/i }).click();

  // Registration leads to signing in (or signs in directly).
  if (
    await page
      .getByRole("button", { name: "Sign in" })
      .isVisible()
      .catch(() => false)
  ) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.goto("/new?category=general");
  const title = `First post by ${username}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Body").fill("Hello **everyone**, glad to be here.");
  await page.getByRole("button", { name: /^(post|publish|create)/i }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.locator("strong", { hasText: "everyone" })).toBeVisible();

  await page.getByLabel("Your comment").fill("And a first comment, with `code`.");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  const comment = page.getByTestId("comment").filter({ hasText: "And a first comment" });
  await expect(comment).toBeVisible();
  await expect(comment.locator("code")).toHaveText("code");

  // Both survive a reload: they are stored, not just shown.
  await page.reload();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByTestId("comment").filter({ hasText: "And a first comment" })).toHaveCount(1);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("Your comment")).toHaveCount(0);
});

test("a wrong password says so without saying whether the email exists", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/wrong email or password/i)).toBeVisible();
});
