"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { Role } from "@/server/dto";
import { Card } from "@/components/ui/Card";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { Alert, inputClass } from "@/components/ui/Field";
import { adminApi, useDescribeError, USERS_PAGE, type AdminUser, type ModeratedUser, type UsersPage } from "./admin-api";
import { UserRow, type Staff } from "./UserRow";
import { BanDialog } from "./BanDialog";
import { DeleteMemberDialog } from "@/components/account-data/DeleteMemberDialog";

/** Members, searchable by name or email, with ban, unban and (for admins) role changes. */
export function UsersTable({ initial, initialQuery, me }: { initial: UsersPage; initialQuery: string; me: Staff }) {
  const t = useTranslations("admin.users");
  const describeError = useDescribeError();
  const [query, setQuery] = useState(initialQuery);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [banning, setBanning] = useState<AdminUser | null>(null);
  const [deleting, setDeleting] = useState<AdminUser | null>(null);
  const searched = useRef(initialQuery.trim());
  const latest = useRef(0);

  async function load(q: string, at: number) {
    const ticket = ++latest.current;
    try {
      const next = await adminApi.users(q, USERS_PAGE, at);
      if (ticket !== latest.current) return;
      setPage(next);
      setOffset(at);
      setError(null);
    } catch (err) {
      if (ticket === latest.current) setError(describeError(err));
    }
  }

  // Search as you type, a beat after the last keystroke; the address keeps the query.
  useEffect(() => {
    const q = query.trim();
    if (q === searched.current) return;
    const timer = setTimeout(() => {
      searched.current = q;
      window.history.replaceState(null, "", q ? `/admin/users?q=${encodeURIComponent(q)}` : "/admin/users");
      void load(q, 0);
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  const merge = (u: ModeratedUser) => setPage((p) => ({ ...p, users: p.users.map((x) => (x.id === u.id ? { ...x, ...u } : x)) }));

  async function act(user: AdminUser, verb: "unban" | "role", work: () => Promise<ModeratedUser>) {
    setBusyId(user.id);
    setError(null);
    try {
      merge(await work());
    } catch (err) {
      setError(t("actFailed", { verb, username: user.username, error: describeError(err) }));
    } finally {
      setBusyId(null);
    }
  }

  const end = Math.min(offset + page.users.length, page.total);
  return (
    <div className="space-y-4">
      <input
        type="search"
        aria-label={t("searchLabel")}
        placeholder={t("searchPlaceholder")}
        className={inputClass}
        value={query}
        maxLength={60}
        onChange={(e) => setQuery(e.target.value)}
      />
      {error && <Alert>{error}</Alert>}
      <Card className="overflow-hidden">
        {page.users.length === 0 ? (
          <EmptyState title={t("noneFound")}>{query ? t("noMatch", { query }) : t("noneYet")}</EmptyState>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left">
              <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
                <tr className="[&>th]:px-3 [&>th]:py-2 [&>th:first-child]:pl-4 [&>th:last-child]:pr-4 sm:[&>th:first-child]:pl-5">
                  <th scope="col">{t("columns.user")}</th>
                  <th scope="col" className="hidden sm:table-cell">
                    {t("columns.role")}
                  </th>
                  <th scope="col" className="hidden md:table-cell">
                    {t("columns.joined")}
                  </th>
                  <th scope="col" className="hidden md:table-cell">
                    {t("columns.activity")}
                  </th>
                  <th scope="col" className="hidden sm:table-cell">
                    {t("columns.status")}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t("columns.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {page.users.map((u) => (
                  <UserRow
                    key={u.id}
                    user={u}
                    me={me}
                    busy={busyId === u.id}
                    onBan={() => setBanning(u)}
                    onUnban={() => act(u, "unban", () => adminApi.unban(u.id))}
                    onRole={(role: Role) => act(u, "role", () => adminApi.setRole(u.id, role))}
                    onDelete={() => setDeleting(u)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <DeleteMemberDialog
        user={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(id) => setPage((p) => ({ total: p.total - 1, users: p.users.filter((x) => x.id !== id) }))}
      />
      <div className="flex items-center justify-between gap-3 text-sm text-zinc-600 dark:text-zinc-400">
        <span className="tabular-nums">{page.total === 0 ? t("zero") : t("range", { from: offset + 1, to: end, total: page.total })}</span>
        <div className="flex gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={offset === 0}
            onClick={() => load(query.trim(), Math.max(0, offset - USERS_PAGE))}
          >
            {t("previous")}
          </Button>
          <Button size="sm" variant="secondary" disabled={end >= page.total} onClick={() => load(query.trim(), offset + USERS_PAGE)}>
            {t("next")}
          </Button>
        </div>
      </div>
      <BanDialog user={banning} onClose={() => setBanning(null)} onBanned={merge} />
    </div>
  );
}
