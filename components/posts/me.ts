import type { Role } from "@/server/dto";
import type { Me } from "@/server/personal/layer";

/** The signed-in member as client components need them. */
export type { Me };

export const isStaffRole = (role: Role | undefined) => role === "MODERATOR" || role === "ADMIN";

/** Authors change their own content; staff change anyone's. Banned members change nothing. */
export function canModify(me: Me | null, authorId: string): boolean {
  return !!me && !me.banned && (me.id === authorId || isStaffRole(me.role));
}

export function canReport(me: Me | null, authorId: string): boolean {
  // A member shell before its layer knows no one (id ""): no Report until it is known whose content this is.
  return !!me?.id && !me.banned && me.id !== authorId;
}
