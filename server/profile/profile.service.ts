import { requireWriter } from "../auth/guards";
import { AppError, unauthenticated } from "../errors";
import type { Viewer } from "../dto";
import type { Storage } from "../storage";
import { childLogger } from "../logger";
import type { UsersService } from "../users/users.service";
import type { Publisher } from "../realtime/publisher";
import type { ProfileRepository } from "./profile.repository";
import type { TUpdateMeInput } from "./profile.schema";
import { AVATAR_FILE } from "./profile.schema";
import { encodeAvatar } from "./avatar-image";

const log = childLogger("profile");
const objectKey = (hash: string) => `${hash}.webp`;

/** A member's own profile: bio, interface language and avatar (stored through `storage`). */
export function createProfileService(deps: { repo: ProfileRepository; storage: Storage; users: UsersService; publisher: Publisher }) {
  const { repo, storage, users, publisher } = deps;

  /** An avatar nobody shows any more is removed from storage; a failure only leaves an orphan. */
  async function release(key: string | null) {
    if (!key || (await repo.avatarInUse(key))) return;
    await storage.delete(objectKey(key)).catch((err) => log.warn({ err, key }, "could not delete an unused avatar"));
  }

  return {
    /** Bio and language. A banned member may still change their language, not their public bio. */
    async update(viewer: Viewer | null, input: TUpdateMeInput) {
      if (!viewer) throw unauthenticated();
      if (input.bio !== undefined) requireWriter(viewer);
      return users.me(await repo.update(viewer.id, input));
    },

    /** `bytes`: an upload the router already held to the declared types and size. */
    async setAvatar(viewer: Viewer | null, bytes: Uint8Array) {
      const member = requireWriter(viewer);
      const { data, hash } = await encodeAvatar(bytes);
      // Stored before the row points at it: a reader never gets a URL without an object.
      await storage.put(objectKey(hash), data, "image/webp");
      const { user, previous } = await repo.setAvatar(member.id, hash);
      if (previous !== hash) publisher.profileChanged({ userId: member.id });
      if (previous !== hash) await release(previous);
      return users.me(user);
    },

    async removeAvatar(viewer: Viewer | null) {
      const member = requireWriter(viewer);
      const { previous } = await repo.setAvatar(member.id, null);
      if (previous) publisher.profileChanged({ userId: member.id });
      await release(previous);
    },

    /** For a deleted account: its avatar object goes unless another account shows the same image. */
    releaseAvatar: release,

    /** The stored bytes of `<sha256>.webp`, or 404. */
    async avatar(file: string) {
      const match = AVATAR_FILE.exec(file);
      const data = match ? await storage.get(objectKey(match[1])) : null;
      if (!data) throw new AppError("NOT_FOUND", "avatar not found");
      return { data, etag: `"${match![1]}"` };
    },
  };
}
export type ProfileService = ReturnType<typeof createProfileService>;
