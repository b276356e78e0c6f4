import "server-only";
import { notFound, redirect } from "next/navigation";
import { getViewer } from "@/server/auth/viewer";
import { isStaff, type Viewer } from "@/server/dto";

/**
 * The gate of every admin page. Anonymous visitors go to sign-in and come back; members (and
 * banned staff) get a plain 404, so the dashboard's existence is not advertised to them.
 * The layout calls it and each page calls it again: layouts and pages render independently.
 */
export async function requireStaffPage(path = "/admin"): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (viewer.ban || !isStaff(viewer)) notFound();
  return viewer;
}
