import { expect, test } from "@playwright/test";
import { TEST_PASSWORD } from "../test/harness";
import { createPost, member, visitor } from "./support";

test.describe("Settings › Your data", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a member deletes their account and their old comment shows as by a deleted member", async ({ browser }) => {
    const author = await member(browser, "host");
    const leaver = await member(browser, "leaving");
    const post = await createPost(author.api, `Thread outliving a member ${Date.now()}`);
    const res = await leaver.api.post(`/api/v1/posts/${post.id}/comments`, { body: "I said this before I left" });
    expect(res.status).toBe(201);

    const page = leaver.page;
    await page.goto("/settings/account");
    await expect(page.getByRole("heading", { name: "Your data", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download my data" })).toHaveAttribute("href", "/api/v1/me/export");
    await expect(page.getByRole("checkbox")).toBeChecked();

    await page.getByRole("button", { name: "Delete my account…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete your account for good?" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Your password").fill("not the password");
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await expect(dialog.getByText("is not your current password")).toBeVisible();
    await dialog.getByLabel("Your password").fill(TEST_PASSWORD);
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForURL(/\/signin\?ended=deleted/);
    await expect(page.getByText("Your account was deleted.")).toBeVisible();

    const reader = await visitor(browser);
    await reader.page.goto(`/p/${post.id}`);
    const comment = reader.page.getByTestId("comment").filter({ hasText: "I said this before I left" });
    await expect(comment).toBeVisible();
    await expect(comment.getByText("deleted member", { exact: true })).toBeVisible();
    await expect(comment.getByText(leaver.api.me.user.username)).toHaveCount(0);
  });
});
