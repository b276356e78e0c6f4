import type { Comment, Post } from "@/server/dto";
import type { ReportQueue } from "@/server/moderation/queue.service";
import type { MemberModeration } from "@/server/moderation/members.service";
import type { AuditLogEntry } from "@/server/moderation/audit.repository";
import type { TPostModeration, TResolve } from "@/server/moderation/moderation.schema";
import { api, ApiError, errorMessage } from "@/components/api";

// Payload types come from the services that produce them, never written out twice.
export type QueueReport = Awaited<ReturnType<ReportQueue["list"]>>[number];
export type ReportStatus = "open" | "resolved" | "dismissed" | "all";
export type ResolveAction = TResolve["action"];
export type UsersPage = Awaited<ReturnType<MemberModeration["list"]>>;
export type AdminUser = UsersPage["users"][number];
export type ModeratedUser = Awaited<ReturnType<MemberModeration["ban"]>>;
export type { AuditLogEntry };

export const USERS_PAGE = 25;

const post = (body: unknown = {}) => ({ method: "POST", body }) as const;
const patch = (body: unknown) => ({ method: "PATCH", body }) as const;

/** The admin half of /api/v1, typed. */
export const adminApi = {
  reports: (status: ReportStatus) => api<{ reports: QueueReport[] }>(`/admin/reports?status=${status}&limit=100`).then((r) => r.reports),
  resolve: (id: string, input: TResolve) => api<{ report: QueueReport }>(`/admin/reports/${id}/resolve`, post(input)).then((r) => r.report),
  users: (q: string, limit: number, offset: number) =>
    api<UsersPage>(`/admin/users?${new URLSearchParams({ q, limit: String(limit), offset: String(offset) })}`),
  ban: (id: string, input: { reason: string; until?: string }) =>
    api<{ user: ModeratedUser }>(`/admin/users/${id}/ban`, post(input)).then((r) => r.user),
  unban: (id: string) => api<{ user: ModeratedUser }>(`/admin/users/${id}/unban`, post()).then((r) => r.user),
  setRole: (id: string, role: AdminUser["role"]) => api<{ user: ModeratedUser }>(`/admin/users/${id}`, patch({ role })).then((r) => r.user),
  audit: (params: URLSearchParams) => api<{ entries: AuditLogEntry[] }>(`/admin/audit?${params}`).then((r) => r.entries),
  moderatePost: (id: string, input: TPostModeration) => api<{ post: Post }>(`/admin/posts/${id}`, patch(input)).then((r) => r.post),
  moderateComment: (id: string, hidden: boolean) =>
    api<{ comment: Comment }>(`/admin/comments/${id}`, patch({ hidden })).then((r) => r.comment),
};

/** The server's own words, plus its code and any field details: staff need to know exactly why. */
export function describeError(err: unknown): string {
  const text = errorMessage(err);
  if (!(err instanceof ApiError) || err.code === "NETWORK") return text;
  const fields = err.details.map((d) => `${d.field} ${d.message}`).join("; ");
  return `${text}${fields ? ` (${fields})` : ""} [${err.code}]`;
}

/** A date input's value ("2026-12-31") as the ISO instant at the start of that local day. */
export function dayToIso(day: string): string | undefined {
  if (!day) return undefined;
  const d = new Date(`${day}T00:00`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Tomorrow as a date input's `min`: a ban must end in the future. */
export function tomorrow(): string {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
