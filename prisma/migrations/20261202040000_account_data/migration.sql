-- Account data: email notification preference, deleted-account tombstones, notification mail bookkeeping.

ALTER TABLE "User" ADD COLUMN "emailNotifications" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "User" ADD COLUMN "deletedAt" TIMESTAMP(3);

ALTER TABLE "Notification" ADD COLUMN "mailCheckedAt" TIMESTAMP(3);

-- Notifications that existed before notification mail are not mailed now.
UPDATE "Notification" SET "mailCheckedAt" = "createdAt";

-- CreateIndex
CREATE INDEX "Notification_mailCheckedAt_createdAt_idx" ON "Notification"("mailCheckedAt", "createdAt");
