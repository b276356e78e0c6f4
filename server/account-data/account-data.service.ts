import { verify } from "@node-rs/argon2";
import type { Viewer } from "../dto";
import { AppError, forbidden, notFound, unauthenticated, validation } from "../errors";
import { requireAdmin } from "../auth/guards";
import type { AuditRepository } from "../moderation/audit.repository";
import type { SessionsService } from "../sessions/sessions.service";
import type { AccountDataRepository } from "./account-data.repository";
import type { AccountExport, TDeleteAccountInput } from "./account-data.schema";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

export interface AccountDataDeps {
  repo: AccountDataRepository;
  audit: AuditRepository;
  sessions: SessionsService;
  /** Removes an avatar object no account shows any more (the profile service's own rule). */
  releaseAvatar: (key: string | null) => Promise<void>;
  /** Signs and checks unsubscribe tokens (NEXTAUTH_SECRET). */
  secret: string;
  forum: string;
}

type DeletionSubject = NonNullable<Awaited<ReturnType<AccountDataRepository["findForDeletion"]>>>;

/**
 * Whether the member may delete this account now: the one place that decides what proves it
 * is them. An account with a password: that password. A passwordless account (made through an
 * identity provider): a provider sign-in of this very session within the last few minutes.
 */
export async function confirmDeletion(
  user: DeletionSubject,
  input: TDeleteAccountInput,
  session: Viewer,
  isFreshProviderSignIn: (sessionId: string | undefined) => Promise<boolean>,
): Promise<void> {
  if (!user.passwordHash) {
    if (await isFreshProviderSignIn(session.sessionId)) return;
    throw validation([{ field: "password", message: "sign in again with your provider, then delete within 10 minutes" }]);
  }
  if (!input.password) throw validation([{ field: "password", message: "is required to delete your account" }]);
  const ok = await verify(user.passwordHash, input.password).catch(() => false);
  if (!ok) throw validation([{ field: "password", message: "is not your current password" }]);
}

const invalidToken = () => new AppError("INVALID_TOKEN", "this unsubscribe link is not valid");

/** A member's own data: export it, delete the account, and the notification mail preference. */
export function createAccountDataService({ repo, audit, sessions, releaseAvatar, secret, forum }: AccountDataDeps) {
  /**
   * After the tombstone committed: every session ends and every socket closes, on every node,
   * and the avatar's stored object goes.
   */
  async function afterDeletion(userId: string, avatarKey: string | null) {
    await sessions.endAllBut(userId, null, "deleted");
    await releaseAvatar(avatarKey);
  }

  function memberId(token: string) {
    const userId = verifyUnsubscribeToken(secret, token);
    if (!userId) throw invalidToken();
    return userId;
  }

  return {
    async export(viewer: Viewer | null): Promise<AccountExport> {
      if (!viewer) throw unauthenticated();
      const data = await repo.exportOf(viewer.id);
      if (!data) throw unauthenticated();
      return { exportedAt: new Date().toISOString(), forum, ...data };
    },

    /** The member deletes their own account (confirmed by confirmDeletion); not a staff action, so not audited. */
    async deleteSelf(viewer: Viewer | null, input: TDeleteAccountInput) {
      if (!viewer) throw unauthenticated();
      const user = await repo.findForDeletion(viewer.id);
      if (!user) throw unauthenticated();
      await confirmDeletion(user, input, viewer, (id) => sessions.isFreshProviderSignIn(id));
      if (user.role === "ADMIN" && (await repo.countAdmins()) <= 1)
        throw forbidden("you are the forum's only admin: make someone else admin before deleting your account");
      const done = await audit.withAudit(async (tx) => ({ result: await repo.tombstoneIn(tx, user.id), entries: [] }));
      if (done) await afterDeletion(user.id, done.avatarKey);
    },

    /** An admin deletes a member's account; the audit log records who, whom and when (never the content). */
    async deleteByStaff(viewer: Viewer | null, userId: string) {
      const actor = requireAdmin(viewer);
      const target = await repo.findTarget(userId);
      if (!target) throw notFound("user");
      if (target.id === actor.id) throw forbidden("delete your own account from your settings");
      if (target.role === "ADMIN") throw forbidden("an admin account cannot be deleted by another admin");
      const done = await audit.withAudit(async (tx) => {
        const gone = await repo.tombstoneIn(tx, target.id);
        return {
          result: gone,
          entries: gone ? [{ actorId: actor.id, action: "user.delete", targetType: "user" as const, targetId: target.id, targetUserId: target.id }] : [],
        };
      });
      if (!done) throw notFound("user");
      await afterDeletion(target.id, done.avatarKey);
    },

    async preferences(viewer: Viewer | null) {
      if (!viewer) throw unauthenticated();
      const on = await repo.emailNotifications(viewer.id);
      if (on === null) throw unauthenticated();
      return { emailNotifications: on };
    },
    async setPreferences(viewer: Viewer | null, input: { emailNotifications: boolean }) {
      if (!viewer) throw unauthenticated();
      if (!(await repo.setEmailNotifications(viewer.id, input.emailNotifications))) throw unauthenticated();
      return { emailNotifications: input.emailNotifications };
    },

    /** What an unsubscribe link would change (the GET page shows it; nothing changes). */
    async unsubscribeState(token: string) {
      const on = await repo.emailNotifications(memberId(token));
      if (on === null) throw invalidToken();
      return { emailNotifications: on };
    },
    /** One-click unsubscribe (RFC 8058): the signed token is the only credential. */
    async unsubscribe(token: string) {
      if (!(await repo.setEmailNotifications(memberId(token), false))) throw invalidToken();
    },
  };
}

export type AccountDataService = ReturnType<typeof createAccountDataService>;
