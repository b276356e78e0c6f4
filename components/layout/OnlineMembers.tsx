"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePresenceStore } from "@/components/stores/StoresProvider";
import { Avatar } from "@/components/ui/Avatar";
import { Card, CardHeader } from "@/components/ui/Card";

const SHOWN = 24;

/** Who is here right now, live from the presence store. */
export function OnlineMembers() {
  const t = useTranslations("presence");
  const users = usePresenceStore((s) => s.users);
  const count = usePresenceStore((s) => s.count);
  const guests = usePresenceStore((s) => s.guests);
  return (
    <Card>
      <CardHeader
        title={t("onlineNow")}
        id="online-heading"
        action={
          <span className="inline-flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
            <span className={`size-2 rounded-full ${count > 0 ? "bg-emerald-500" : "bg-zinc-400"}`} aria-hidden="true" />
            {t("members", { count })}
          </span>
        }
      />
      <div className="px-4 py-3" aria-labelledby="online-heading">
        {users.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("nobody")}</p>
        ) : (
          <ul className="flex flex-wrap gap-1.5">
            {users.slice(0, SHOWN).map((u) => (
              <li key={u.id}>
                <Link
                  href={`/u/${encodeURIComponent(u.username)}`}
                  className="inline-flex items-center gap-1.5 rounded-full border border-zinc-200 py-0.5 pr-2.5 pl-0.5 text-sm hover:border-zinc-300 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
                >
                  <Avatar username={u.username} src={u.avatarUrl} size="xs" />
                  {u.username}
                </Link>
              </li>
            ))}
            {users.length > SHOWN && <li className="self-center text-sm text-zinc-500">{t("more", { count: users.length - SHOWN })}</li>}
          </ul>
        )}
        {guests > 0 && (
          <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
            {t("guestsReading", { count: guests })}
          </p>
        )}
      </div>
    </Card>
  );
}
