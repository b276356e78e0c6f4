import Link from "next/link";
import { useTranslations } from "next-intl";
import { Avatar } from "@/components/ui/Avatar";
import { Badge } from "@/components/ui/Badge";
import { RelativeTime } from "@/components/ui/RelativeTime";
import type { AuditLogEntry } from "./admin-api";
import { AuditDiff } from "./AuditDiff";

export type AuditFilterKey = "actor" | "targetUser" | "action";
export type FilterHref = (key: AuditFilterKey, value: string) => string;

const defaultHref: FilterHref = (key, value) => `/admin/audit?${new URLSearchParams({ [key]: value })}`;

function tone(action: string) {
  if (/\.(ban|delete|hide)$/.test(action)) return "red" as const;
  if (/\.(unban|unhide|unlock|unpin)$/.test(action)) return "green" as const;
  if (action.startsWith("report.")) return "neutral" as const;
  return action === "user.role" ? ("accent" as const) : ("amber" as const);
}

const linkClass = "font-medium text-zinc-900 hover:underline dark:text-zinc-100";

/** What the entry acted on, linked where there is a page for it. */
function Target({ e, filterHref }: { e: AuditLogEntry; filterHref: FilterHref }) {
  const t = useTranslations("admin.audit");
  const user = e.targetUserId && e.targetUsername && (
    <Link href={filterHref("targetUser", e.targetUserId)} className={linkClass} title={t("onlyOn", { username: e.targetUsername })}>
      {e.targetUsername}
    </Link>
  );
  const by = user && <> {t.rich("byUser", { user: () => user })}</>;
  switch (e.targetType) {
    case "post":
      return (
        <span>
          <Link href={`/p/${e.targetId}`} className="text-accent-700 hover:underline dark:text-accent-400">
            {t("post")}
          </Link>
          {by}
        </span>
      );
    case "comment":
      return (
        <span>
          {e.targetPostId ? (
            <Link href={`/p/${e.targetPostId}#comment-${e.targetId}`} className="text-accent-700 hover:underline dark:text-accent-400">
              {t("aComment")}
            </Link>
          ) : (
            t("aComment")
          )}
          {by}
        </span>
      );
    case "user":
      return (
        <span>
          {user || t("aUser")}
          {e.targetUsername && (
            <Link
              href={`/u/${encodeURIComponent(e.targetUsername)}`}
              className="ml-1 text-xs text-accent-700 hover:underline dark:text-accent-400"
            >
              {t("profile")}
            </Link>
          )}
        </span>
      );
    case "report":
      return (
        <span>
          <Link href="/admin/reports?status=all" className="text-accent-700 hover:underline dark:text-accent-400">
            {t("aReport")}
          </Link>
          {user && <> {t.rich("againstUser", { user: () => user })}</>}
        </span>
      );
    case "category":
      return (
        <Link href={`/c/${e.targetId}`} className="text-accent-700 hover:underline dark:text-accent-400">
          {t("category", { slug: e.targetId })}
        </Link>
      );
    default:
      return <span>{e.targetType}</span>;
  }
}

/** One audit entry: when, who, what, to what, why, and what changed. Read-only by design. */
export function AuditEntryRow({ entry: e, filterHref = defaultHref }: { entry: AuditLogEntry; filterHref?: FilterHref }) {
  const t = useTranslations("admin.audit");
  return (
    <li className="flex gap-3 px-4 py-3 sm:px-5">
      <Avatar username={e.actor.username} src={e.actor.avatarUrl} size="sm" className="mt-0.5" />
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={filterHref("actor", e.actor.id)} className={linkClass} title={t("onlyBy", { username: e.actor.username })}>
            {e.actor.username}
          </Link>
          <Link href={filterHref("action", e.action)} title={t("onlyAction", { action: e.action })}>
            <Badge tone={tone(e.action)} className="font-mono">
              {e.action}
            </Badge>
          </Link>
          <Target e={e} filterHref={filterHref} />
          <span aria-hidden="true">·</span>
          <RelativeTime iso={e.createdAt} className="text-zinc-500 dark:text-zinc-400" />
        </div>
        {e.reason && <p className="text-sm break-words text-zinc-800 dark:text-zinc-200">{t("reason", { reason: e.reason })}</p>}
        <AuditDiff before={e.before} after={e.after} />
      </div>
    </li>
  );
}
