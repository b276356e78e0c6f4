import { forbidden, notFound } from "../errors";
import { requireAdmin, requireStaff } from "../auth/guards";
import type { Role, Viewer } from "../dto";
import type { Tx } from "../db/client";
import type { Publisher } from "../realtime/publisher";
import type { AuditEntry, AuditRepository } from "./audit.repository";
import type { ModerationRepository } from "./moderation.repository";
import type { TBan, TRoleChange, TUsersQuery } from "./moderation.schema";
import { isUuid } from "../ids";

type Target = Viewer;

/** Who may ban whom: nobody bans themselves or an admin; only admins ban moderators. */
export function assertCanBan(actor: Viewer, target: Target) {
  if (actor.id === target.id) throw forbidden("you cannot ban yourself");
  if (target.role === "ADMIN") throw forbidden("admins cannot be banned");
  if (target.role === "MODERATOR" && actor.role !== "ADMIN") throw forbidden("only admins can ban moderators");
}

/** Bans, unbans and roles: the member-facing side of moderation. */
export function createMemberModeration({
  repo,
  audit,
  publisher,
}: {
  repo: ModerationRepository;
  audit: AuditRepository;
  publisher: Publisher;
}) {
  async function loadUser(id: string): Promise<Target> {
    const user = isUuid(id) ? await repo.findUser(id) : null;
    if (!user) throw notFound("user");
    return user;
  }

  /** The ban write and its audit entry, for use inside a larger transaction (report resolution). */
  async function banIn(tx: Tx, actor: Viewer, target: Target, input: TBan): Promise<AuditEntry[]> {
    assertCanBan(actor, target);
    const until = input.until ? new Date(input.until) : null;
    await repo.ban(tx, target.id, input.reason, until);
    return [
      {
        actorId: actor.id,
        action: "user.ban",
        targetType: "user",
        targetId: target.id,
        targetUserId: target.id,
        reason: input.reason,
        before: { banned: Boolean(target.ban), until: target.ban?.until ?? null },
        after: { banned: true, until: until?.toISOString() ?? null },
      },
    ];
  }

  const view = async (id: string) => {
    const u = await loadUser(id);
    return { id: u.id, username: u.username, role: u.role, ban: u.ban };
  };

  return {
    loadUser,
    banIn,

    async ban(viewer: Viewer | null, userId: string, input: TBan) {
      const actor = requireStaff(viewer);
      const target = await loadUser(userId);
      await audit.withAudit(async (tx) => ({ result: undefined, entries: await banIn(tx, actor, target, input) }));
      // After commit: every socket of the member, on every node, goes now.
      publisher.disconnectUser(target.id);
      return view(userId);
    },

    async unban(viewer: Viewer | null, userId: string, reason?: string) {
      const actor = requireStaff(viewer);
      const target = await loadUser(userId);
      if (target.ban) {
        await audit.withAudit(async (tx) => {
          await repo.unban(tx, target.id);
          const e: AuditEntry = {
            actorId: actor.id,
            action: "user.unban",
            targetType: "user",
            targetId: target.id,
            targetUserId: target.id,
            reason,
            before: { banned: true, until: target.ban?.until ?? null },
            after: { banned: false },
          };
          return { result: undefined, entries: [e] };
        });
      }
      return view(userId);
    },

    async setRole(viewer: Viewer | null, userId: string, input: TRoleChange) {
      const actor = requireAdmin(viewer);
      const target = await loadUser(userId);
      if (target.id === actor.id) throw forbidden("you cannot change your own role");
      if (target.role !== input.role) {
        await audit.withAudit(async (tx) => {
          await repo.setRole(tx, target.id, input.role as Role);
          const e: AuditEntry = {
            actorId: actor.id,
            action: "user.role",
            targetType: "user",
            targetId: target.id,
            targetUserId: target.id,
            reason: input.reason,
            before: { role: target.role },
            after: { role: input.role },
          };
          return { result: undefined, entries: [e] };
        });
      }
      return view(userId);
    },

    /** The users table; emails are for admins' eyes only. */
    async list(viewer: Viewer | null, q: TUsersQuery) {
      const actor = requireStaff(viewer);
      const page = await repo.listUsers(q);
      if (actor.role !== "ADMIN") for (const u of page.users) (u as { email?: string }).email = undefined;
      return page;
    },
  };
}

export type MemberModeration = ReturnType<typeof createMemberModeration>;
