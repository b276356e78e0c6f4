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

/** Whole families (`post` matches every `post.*`) first, then exact actions. */
export const ACTION_OPTIONS: Array<{ label: string; options: Array<[value: string, label: string]> }> = [
  {
    label: "Families",
    options: [
      ["post", "post.*"],
      ["comment", "comment.*"],
      ["user", "user.*"],
      ["report", "report.*"],
      ["category", "category.*"],
    ],
  },
  {
    label: "Posts",
    options: ["hide", "unhide", "lock", "unlock", "pin", "unpin", "move", "delete"].map((a) => [`post.${a}`, `post.${a}`]),
  },
  { label: "Comments", options: ["hide", "unhide", "delete"].map((a) => [`comment.${a}`, `comment.${a}`]) },
  { label: "Users", options: ["ban", "unban", "role"].map((a) => [`user.${a}`, `user.${a}`]) },
  { label: "Reports", options: ["resolve", "dismiss"].map((a) => [`report.${a}`, `report.${a}`]) },
  { label: "Categories", options: ["create", "update"].map((a) => [`category.${a}`, `category.${a}`]) },
];
