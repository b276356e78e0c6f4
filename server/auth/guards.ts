import { forbidden, unauthenticated } from "../errors";
import { isStaff, type Viewer } from "../dto";

/** A signed-in member who is not banned: the precondition of every write. */
export function requireWriter(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  if (viewer.ban) throw forbidden(viewer.ban.reason ? `you are banned: ${viewer.ban.reason}` : "you are banned");
  return viewer;
}

/**
 * A writer who may also contribute content (post, comment, react): with
 * EMAIL_VERIFICATION=required that takes a verified email.
 */
export function requireContributor(viewer: Viewer | null, verification: "required" | "optional" = "optional"): Viewer {
  const v = requireWriter(viewer);
  if (verification === "required" && !v.emailVerified)
    throw forbidden("verify your email address first: open the link we mailed you, or ask for a new one in your settings");
  return v;
}

export function requireStaff(viewer: Viewer | null): Viewer {
  const v = requireWriter(viewer);
  if (!isStaff(v)) throw forbidden("moderators only");
  return v;
}

export function requireAdmin(viewer: Viewer | null): Viewer {
  const v = requireWriter(viewer);
  if (v.role !== "ADMIN") throw forbidden("admins only");
  return v;
}

/** Authors may change their own content; staff may change anyone's. */
export function requireOwnerOrStaff(viewer: Viewer | null, authorId: string): Viewer {
  const v = requireWriter(viewer);
  if (v.id !== authorId && !isStaff(v)) throw forbidden("only the author or a moderator can do that");
  return v;
}
