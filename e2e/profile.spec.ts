import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { png } from "../test/images";
import { member, origin } from "./support";
import { SESSION_COOKIE } from "../test/harness";

test("a member changes their avatar on /settings and sees it in the header", async ({ browser }) => {
  const m = await member(browser, "avatare2e");
  const { page } = m;
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Your data" })).toHaveAttribute(
    "href",
    "/settings/account",
  );
  const file = path.join(os.tmpdir(), `parley-avatar-${Date.now()}.png`);
  await writeFile(file, await png(400, 300, { r: 240, g: 180, b: 20 }));
  await page.locator("#avatar-file").setInputFiles(file);
  // The preview shows the chosen file before anything is saved.
  await expect(page.getByRole("img", { name: "Preview of your new picture" })).toHaveAttribute("src", /^blob:/);
  await page.getByRole("button", { name: "Save picture" }).click();
  await expect(page.getByText("Your new picture is saved.")).toBeVisible();
  const headerAvatar = page
    .locator("header")
    .getByRole("link", { name: new RegExp(m.api.me.user.username) })
    .locator("img");
  await expect(headerAvatar).toHaveAttribute("src", /^\/api\/v1\/avatars\/[0-9a-f]{64}\.webp$/);
  await expect.poll(() => headerAvatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
  // Removing it brings the initials back.
  await page.getByRole("button", { name: "Remove" }).click();
  await expect(headerAvatar).toHaveCount(0);
  await m.context.close();
});

test("a member's language choice follows them to a new browser", async ({ browser }) => {
  const m = await member(browser, "lange2e");
  await m.page.goto("/");
  await expect(m.page.locator("html")).toHaveAttribute("lang", "en");
  await m.page.getByRole("navigation", { name: "Language" }).getByRole("button", { name: "简体中文" }).click();
  await expect(m.page.locator("html")).toHaveAttribute("lang", "zh-CN");
  expect((await m.api.get("/api/v1/me")).json.user.locale).toBe("zh-CN");
  await m.context.close();

  // Another device: no locale cookie, an English browser; the account decides.
  const other = await browser.newContext({ baseURL: origin(), locale: "en-US" });
  await other.addCookies([{ name: SESSION_COOKIE, value: m.api.sessionToken!, url: origin(), httpOnly: true, sameSite: "Lax" }]);
  const page = await other.newPage();
  await page.goto("/settings");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "个人资料" })).toBeVisible();
  await expect(page.locator("#field-locale")).toHaveValue("zh-CN");
  await other.close();
});
