"use client";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { SessionInfo } from "@/server/dto";
import { call } from "@/components/api";
import { Button } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Field";
import { Badge } from "@/components/ui/Badge";
import { describeDevice } from "./device";

/** "Where you're signed in": one row per session, each with its own sign-out. */
export function SessionList({ sessions }: { sessions: SessionInfo[] }) {
  const t = useTranslations("account.security.sessions");
  const td = useTranslations("account.device");
  const format = useFormatter();
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const others = sessions.filter((s) => !s.current);

  async function run(key: string, action: () => Promise<unknown>) {
    setBusy(key);
    setFailed(false);
    try {
      await action();
      router.refresh();
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  }

  const name = (ua: string) => {
    const d = describeDevice(ua);
    return d ? td("browserOn", d) : t("unknownDevice");
  };
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  return (
    <div>
      {failed && (
        <div className="px-4 pt-3">
          <Alert>{t("failed")}</Alert>
        </div>
      )}
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="session-list">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-session={s.id}>
            <div className="min-w-0">
              <p className="flex items-center gap-2 text-sm font-medium text-zinc-900 dark:text-zinc-100">
                <span className="truncate" title={s.userAgent}>
                  {name(s.userAgent)}
                </span>
                {s.current && <Badge tone="green">{t("current")}</Badge>}
              </p>
              <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
                {t("lastSeen", { date: when(s.lastSeenAt) })} · {t("created", { date: when(s.createdAt) })}
              </p>
            </div>
            {!s.current && (
              <Button
                variant="secondary"
                size="sm"
                disabled={busy !== null}
                onClick={() => run(s.id, () => call("DELETE /api/v1/me/sessions/{id}", { params: { id: s.id } }))}
              >
                {t("signOut")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div className="flex items-center justify-between gap-3 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{others.length === 0 ? t("onlyThis") : ""}</p>
        <Button
          variant="danger"
          size="sm"
          disabled={busy !== null || others.length === 0}
          onClick={() => run("others", () => call("DELETE /api/v1/me/sessions"))}
        >
          {t("signOutOthers")}
        </Button>
      </div>
    </div>
  );
}
