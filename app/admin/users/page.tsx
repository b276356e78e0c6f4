import type { Metadata } from "next";
import { getServices } from "@/server/context";
import { PageHeader } from "@/components/admin/PageHeader";
import { UsersTable } from "@/components/admin/UsersTable";
import { USERS_PAGE } from "@/components/admin/admin-api";
import { requireStaffPage } from "../_lib";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const viewer = await requireStaffPage("/admin/users");
  const q = ((await searchParams).q ?? "").trim().slice(0, 60);
  const initial = await getServices().moderation.members.list(viewer, { q: q || undefined, limit: USERS_PAGE, offset: 0 });
  return (
    <>
      <PageHeader
        title="Users"
        description={
          viewer.role === "ADMIN"
            ? "Everyone who has joined. Admins can change roles; bans cut a member's live connections at once."
            : "Everyone who has joined. Moderators can ban members; admins manage roles."
        }
      />
      <UsersTable initial={initial} initialQuery={q} me={{ id: viewer.id, role: viewer.role }} />
    </>
  );
}
