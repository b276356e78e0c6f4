import type { AuditFilterKey } from "./AuditEntryRow";

export const AUDIT_PAGE = 50;

export type AuditFilters = Partial<Record<AuditFilterKey, string>>;

/** The set filters as query parameters (unset ones left out, never sent as "undefined"). */
export function auditParams(f: AuditFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  return p;
}

/** The audit page's address for a set of filters: the URL is the filters' one home. */
export function auditHref(f: AuditFilters): string {
  const s = auditParams(f).toString();
  return s ? `/admin/audit?${s}` : "/admin/audit";
}

/**
 * Whole families (`post` matches every `post.*`) first, then exact actions. Each group's
 * heading is `admin.audit.groups.<group>` in the catalogue; actions show as their codes.
 */
export const ACTION_OPTIONS: Array<{
  group: "families" | "posts" | "comments" | "users" | "reports" | "categories";
  options: Array<[value: string, label: string]>;
}> = [
  {
    group: "families",
    options: [
      ["post", "post.*"],
      ["comment", "comment.*"],
      ["user", "user.*"],
      ["report", "report.*"],
      ["category", "category.*"],
    ],
  },
  {
    group: "posts",
    options: ["hide", "unhide", "lock", "unlock", "pin", "unpin", "move", "delete"].map((a) => [`post.${a}`, `post.${a}`]),
  },
  { group: "comments", options: ["hide", "unhide", "delete"].map((a) => [`comment.${a}`, `comment.${a}`]) },
  { group: "users", options: ["ban", "unban", "role"].map((a) => [`user.${a}`, `user.${a}`]) },
  { group: "reports", options: ["resolve", "dismiss"].map((a) => [`report.${a}`, `report.${a}`]) },
  { group: "categories", options: ["create", "update"].map((a) => [`category.${a}`, `category.${a}`]) },
];
