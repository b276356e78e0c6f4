"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { Role } from "@/server/dto";
import { Avatar } from "@/components/ui/Avatar";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Field";
import { cn } from "@/components/ui/cn";
import { formatDate } from "@/components/ui/time";
import type { AdminUser } from "./admin-api";

export interface Staff {
  id: string;
  role: Role;
}

/** Mirrors the server's rule (members.service assertCanBan) so the UI offers only what can work. */
export function canBan(actor: Staff, target: AdminUser): boolean {
  if (actor.id === target.id || target.role === "ADMIN") return false;
  return target.role !== "MODERATOR" || actor.role === "ADMIN";
}

const ROLE_TONE = { ADMIN: "red", MODERATOR: "green", MEMBER: "neutral" } as const;

interface Props {
  user: AdminUser;
  me: Staff;
  busy: boolean;
  onBan(): void;
  onUnban(): void;
  onRole(role: Role): void;
  /** Admins only: delete the account (offered for members and moderators, never oneself). */
  onDelete?(): void;
}

function RoleControl({ user: u, me, busy, onRole }: Pick<Props, "user" | "me" | "busy" | "onRole">) {
  const roles = useTranslations("roles");
  const t = useTranslations("admin.users");
  if (me.role !== "ADMIN" || u.id === me.id) return <Badge tone={ROLE_TONE[u.role]}>{roles(u.role)}</Badge>;
  return (
    <select
      aria-label={t("roleOf", { username: u.username })}
      className={cn(inputClass, "h-8 min-w-32 py-0 pr-8")}
      value={u.role}
      disabled={busy}
      onChange={(e) => onRole(e.target.value as Role)}
    >
      <option value="MEMBER">{roles("MEMBER")}</option>
      <option value="MODERATOR">{roles("MODERATOR")}</option>
      <option value="ADMIN">{roles("ADMIN")}</option>
    </select>
  );
}

function BanState({ ban }: { ban: AdminUser["ban"] }) {
  const t = useTranslations("admin.users");
  const locale = useLocale();
  if (!ban) return <span className="text-sm text-zinc-500 dark:text-zinc-400">{t("active")}</span>;
  return (
    <div className="space-y-0.5">
      <Badge tone="red">{ban.until ? t("bannedUntil", { date: formatDate(ban.until, locale) }) : t("banned")}</Badge>
      {ban.reason && (
        <p className="max-w-48 truncate text-xs text-zinc-500 dark:text-zinc-400" title={ban.reason}>
          {ban.reason}
        </p>
      )}
    </div>
  );
}

/** One member. On phones the role and ban state move under the name, so the actions stay in view. */
export function UserRow({ user: u, me, busy, onBan, onUnban, onRole, onDelete }: Props) {
  const t = useTranslations("admin.users");
  const ta = useTranslations("accountData.admin");
  const canDelete = onDelete && me.role === "ADMIN" && u.id !== me.id && u.role !== "ADMIN";
  const locale = useLocale();
  const td = "px-3 py-3 align-middle first:pl-4 last:pr-4 sm:first:pl-5 sm:last:pr-5";
  return (
    <tr className={cn("transition-opacity", busy && "opacity-60")}>
      <td className={td}>
        <div className="flex min-w-0 items-center gap-2.5">
          <Avatar username={u.username} src={u.avatarUrl} size="sm" />
          <div className="min-w-0">
            <Link
              href={`/u/${encodeURIComponent(u.username)}`}
              className="block truncate font-medium text-zinc-900 hover:underline dark:text-zinc-100"
            >
              {u.username}
              {u.id === me.id && <span className="ml-1 font-normal text-zinc-500">{t("you")}</span>}
            </Link>
            {u.email && <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{u.email}</span>}
          </div>
        </div>
        <div className="mt-2 flex flex-wrap items-center gap-2 sm:hidden">
          <RoleControl user={u} me={me} busy={busy} onRole={onRole} />
          <BanState ban={u.ban} />
        </div>
      </td>
      <td className={cn(td, "hidden sm:table-cell")}>
        <RoleControl user={u} me={me} busy={busy} onRole={onRole} />
      </td>
      <td className={cn(td, "hidden text-sm whitespace-nowrap text-zinc-600 md:table-cell dark:text-zinc-400")}>
        {formatDate(u.createdAt, locale)}
      </td>
      <td className={cn(td, "hidden text-sm whitespace-nowrap text-zinc-600 tabular-nums md:table-cell dark:text-zinc-400")}>
        {t("activity", { posts: u.posts, comments: u.comments })}
      </td>
      <td className={cn(td, "hidden sm:table-cell")}>
        <BanState ban={u.ban} />
      </td>
      <td className={cn(td, "space-x-2 text-right whitespace-nowrap")}>
        {canDelete && (
          <Button size="sm" variant="ghost" disabled={busy} onClick={onDelete} className="text-red-700! dark:text-red-400!">
            {ta("delete")}
          </Button>
        )}
        {u.ban ? (
          <Button size="sm" variant="secondary" disabled={busy} onClick={onUnban}>
            {t("unban")}
          </Button>
        ) : (
          canBan(me, u) && (
            <Button size="sm" variant="secondary" disabled={busy} onClick={onBan} className="text-red-700! dark:text-red-400!">
              {t("ban")}
            </Button>
          )
        )}
      </td>
    </tr>
  );
}
