import type { Role } from "@/server/dto";

/** The signed-in member as client components need them. */
export interface Me {
  id: string;
  username: string;
  avatarUrl: string | null;
  role: Role;
  banned: boolean;
}

export const isStaffRole = (role: Role | undefined) => role === "MODERATOR" || role === "ADMIN";

/** Authors change their own content; staff change anyone's. Banned members change nothing. */
export function canModify(me: Me | null, authorId: string): boolean {
  return !!me && !me.banned && (me.id === authorId || isStaffRole(me.role));
}

export function canReport(me: Me | null, authorId: string): boolean {
  return !!me && !me.banned && me.id !== authorId;
}
