-- The member's interface language ("en", "zh-CN"); null: follow the cookie or the browser.
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
