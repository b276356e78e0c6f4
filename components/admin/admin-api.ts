import type { AdminUser, AuditEntry, ModeratedUser, ReportInQueue } from "@/server/dto";
import type { TPostModeration, TResolve } from "@/server/moderation/moderation.schema";
import { useCallback } from "react";
import { call, ApiError } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";

// Payload types come from the shapes the server declares, never written out twice.
export type QueueReport = ReportInQueue;
export type ReportStatus = "open" | "resolved" | "dismissed" | "all";
export type ResolveAction = TResolve["action"];
export type { AdminUser, ModeratedUser, AuditEntry as AuditLogEntry };

export const USERS_PAGE = 25;

/** The admin half of /api/v1, over the typed client. */
export const adminApi = {
  reports: (status: ReportStatus) => call("GET /api/v1/admin/reports", { query: { status, limit: 100 } }).then((r) => r.reports),
  resolve: (id: string, input: TResolve) =>
    call("POST /api/v1/admin/reports/{id}/resolve", { params: { id }, body: input }).then((r) => r.report),
  users: (q: string, limit: number, offset: number) => call("GET /api/v1/admin/users", { query: { q, limit, offset } }),
  ban: (id: string, input: { reason: string; until?: string }) =>
    call("POST /api/v1/admin/users/{id}/ban", { params: { id }, body: input }).then((r) => r.user),
  unban: (id: string) => call("POST /api/v1/admin/users/{id}/unban", { params: { id }, body: {} }).then((r) => r.user),
  setRole: (id: string, role: AdminUser["role"]) =>
    call("PATCH /api/v1/admin/users/{id}", { params: { id }, body: { role } }).then((r) => r.user),
  audit: (params: URLSearchParams) => call("GET /api/v1/admin/audit", { query: Object.fromEntries(params) }).then((r) => r.entries),
  moderatePost: (id: string, input: TPostModeration) =>
    call("PATCH /api/v1/admin/posts/{id}", { params: { id }, body: input }).then((r) => r.post),
  moderateComment: (id: string, hidden: boolean) =>
    call("PATCH /api/v1/admin/comments/{id}", { params: { id }, body: { hidden } }).then((r) => r.comment),
};

export type UsersPage = Awaited<ReturnType<(typeof adminApi)["users"]>>;

/**
 * For staff: the sentence for the error in their language, plus the server's own (English)
 * words, any field details and the code, because staff need to know exactly why.
 */
export function useDescribeError(): (err: unknown) => string {
  const { error } = useErrorText();
  return useCallback(
    (err: unknown) => {
      const text = error(err);
      if (!(err instanceof ApiError) || err.code === "NETWORK") return text;
      const fields = err.details.map((d) => `${d.field} ${d.message}`).join("; ");
      return `${text} (${err.message}${fields ? `: ${fields}` : ""}) [${err.code}]`;
    },
    [error],
  );
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
