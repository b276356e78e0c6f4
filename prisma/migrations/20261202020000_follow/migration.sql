-- Finding and following: read positions, watches, drafts, replies and the watch notifications.

-- New kinds are only added here, never used in this transaction (PostgreSQL allows that).
ALTER TYPE "NotificationKind" ADD VALUE 'WATCHED_COMMENT';
ALTER TYPE "NotificationKind" ADD VALUE 'WATCHED_POST';

-- CreateEnum
CREATE TYPE "WatchLevel" AS ENUM ('WATCHING', 'NORMAL', 'MUTED');

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "replyToId" UUID;

-- CreateTable
CREATE TABLE "ReadPosition" (
    "userId" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "readSeq" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReadPosition_pkey" PRIMARY KEY ("userId","postId")
);

-- CreateTable
CREATE TABLE "Watch" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "postId" UUID,
    "categoryId" UUID,
    "level" "WatchLevel" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Watch_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Watch_one_target" CHECK (("postId" IS NULL) <> ("categoryId" IS NULL))
);

-- CreateTable
CREATE TABLE "Draft" (
    "userId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("userId","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_commentId_key" ON "Notification"("userId", "commentId");

-- CreateIndex
CREATE INDEX "ReadPosition_postId_idx" ON "ReadPosition"("postId");

-- CreateIndex
CREATE INDEX "Watch_postId_level_idx" ON "Watch"("postId", "level");

-- CreateIndex
CREATE INDEX "Watch_categoryId_level_idx" ON "Watch"("categoryId", "level");

-- CreateIndex
CREATE UNIQUE INDEX "Watch_userId_postId_key" ON "Watch"("userId", "postId");

-- CreateIndex
CREATE UNIQUE INDEX "Watch_userId_categoryId_key" ON "Watch"("userId", "categoryId");

-- CreateIndex
CREATE INDEX "Draft_userId_updatedAt_idx" ON "Draft"("userId", "updatedAt");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_replyToId_fkey" FOREIGN KEY ("replyToId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadPosition" ADD CONSTRAINT "ReadPosition_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReadPosition" ADD CONSTRAINT "ReadPosition_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
