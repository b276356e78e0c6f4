import { forbidden, notFound } from "../errors";
import { requireAdmin, requireStaff } from "../auth/guards";
import type { Role, Viewer } from "../dto";
import type { Tx } from "../db/client";
import type { Publisher } from "../realtime/publisher";
import type { AuditEntry, AuditRepository } from "./audit.repository";
import type { ModerationRepository } from "./moderation.repository";
import type { TBan, TRoleChange, TUsersQuery } from "./moderation.schema";
import { isUuid } from "../ids";

/** A member as moderation sees them: their access, and the rank of whoever set their ban. */
type Target = Viewer & { banRank: Role | null };

const RANK: Record<Role, number> = { MEMBER: 0, MODERATOR: 1, ADMIN: 2 };

/**
 * Who may act on whom: nobody on themselves or on an admin; only admins on moderators; and a
 * ban in force is changed downwards (lifted, or shortened) only by the rank that set it or a
 * higher one. A permanent ban is shortened by admins only (a moderator may still lift one a
 * moderator set, which the audit log shows as such).
 */
function assertCanActOn(actor: Viewer, target: Target) {
  if (actor.id === target.id) throw forbidden("you cannot do that to yourself");
  if (target.role === "ADMIN") throw forbidden("admins cannot be banned");
  if (target.role === "MODERATOR" && actor.role !== "ADMIN") throw forbidden("only admins can ban or unban moderators");
}
function assertOutranksBan(actor: Viewer, target: Target, what: string) {
  if (target.ban && target.banRank && RANK[actor.role] < RANK[target.banRank])
    throw forbidden(`only an admin can ${what} a ban an admin set`);
}

export function assertCanBan(actor: Viewer, target: Target, until: Date | null = null) {
  assertCanActOn(actor, target);
  const current = target.ban;
  if (!current) return;
  const wasUntil = current.until ? Date.parse(current.until) : Infinity;
  const shorter = (until?.getTime() ?? Infinity) < wasUntil;
  if (!shorter) return;
  assertOutranksBan(actor, target, "shorten");
  if (!current.until && actor.role !== "ADMIN") throw forbidden("only an admin can shorten a permanent ban");
}

export function assertCanUnban(actor: Viewer, target: Target) {
  assertCanActOn(actor, target);
  assertOutranksBan(actor, target, "lift");
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
    const until = input.until ? new Date(input.until) : null;
    assertCanBan(actor, target, until);
    await repo.ban(tx, target.id, input.reason, until, actor.role);
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
    return { id: u.id, username: u.username, avatarUrl: u.avatarUrl, role: u.role, ban: u.ban };
  };

  /** After commit: every socket of the member, on every node, hears why and goes now. */
  const announceBan = (userId: string, input: TBan) =>
    publisher.accessChanged({
      userId,
      change: {
        kind: "ended",
        reason: "banned",
        ban: { reason: input.reason, until: input.until ? new Date(input.until).toISOString() : null },
      },
    });

  return {
    loadUser,
    banIn,
    announceBan,

    async ban(viewer: Viewer | null, userId: string, input: TBan) {
      const actor = requireStaff(viewer);
      const target = await loadUser(userId);
      await audit.withAudit(async (tx) => ({ result: undefined, entries: await banIn(tx, actor, target, input) }));
      announceBan(target.id, input);
      return view(userId);
    },

    async unban(viewer: Viewer | null, userId: string, reason?: string) {
      const actor = requireStaff(viewer);
      const target = await loadUser(userId);
      if (target.ban) {
        assertCanUnban(actor, target);
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
        // After commit: open sockets on every node now see (and may do) what the new role may.
        publisher.accessChanged({ userId: target.id, change: { kind: "role", role: input.role as Role } });
      }
      return view(userId);
    },

    /** The users table; emails are for admins' eyes only. */
    async list(viewer: Viewer | null, q: TUsersQuery) {
      const actor = requireStaff(viewer);
      // Moderators never see emails, so they cannot search by them either.
      const page = await repo.listUsers(q, { byEmail: actor.role === "ADMIN" });
      if (actor.role !== "ADMIN") for (const u of page.users) (u as { email?: string }).email = undefined;
      return page;
    },
  };
}

export type MemberModeration = ReturnType<typeof createMemberModeration>;
