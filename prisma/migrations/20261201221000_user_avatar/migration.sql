-- The member's avatar: the sha256 of the stored 256 px WebP, which is also its storage key
-- and its URL (/api/v1/avatars/<key>.webp); null: initials only.
ALTER TABLE "User" ADD COLUMN "avatarKey" TEXT;
