import type { Db } from "../db/client";
import { toAccess, viewerSelect } from "../users/users.repository";

/** Prisma for a member's own profile: bio, language and avatar. */
export function createProfileRepository(db: Db) {
  return {
    /** Applies the given fields; the member as a fresh Viewer. */
    async update(id: string, data: { bio?: string; locale?: string | null }) {
      return toAccess(await db.user.update({ where: { id }, data, select: viewerSelect }));
    },
    /** Points the member at a new avatar (or none); returns the member and the key they had before. */
    async setAvatar(id: string, avatarKey: string | null) {
      return db.$transaction(async (tx) => {
        const before = await tx.user.findUniqueOrThrow({ where: { id }, select: { avatarKey: true } });
        const row = await tx.user.update({ where: { id }, data: { avatarKey }, select: viewerSelect });
        return { user: toAccess(row), previous: before.avatarKey };
      });
    },
    /** Whether any member still shows this avatar (identical uploads share one object). */
    async avatarInUse(avatarKey: string) {
      return (await db.user.count({ where: { avatarKey } })) > 0;
    },
  };
}
export type ProfileRepository = ReturnType<typeof createProfileRepository>;
