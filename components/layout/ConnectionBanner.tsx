"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useConnectionStore } from "@/components/stores/StoresProvider";
import { WifiOffIcon } from "@/components/ui/icons";
import type { SessionEnded } from "@/server/realtime/events";

/** Says so when live updates are interrupted; silent while connecting for the first time. */
export function ConnectionBanner() {
  const t = useTranslations("connection");
  const status = useConnectionStore((s) => s.status);
  const ended = useConnectionStore((s) => s.ended);
  if (ended) return <SessionEndedBanner ended={ended} />;
  if (status !== "reconnecting" && status !== "offline") return null;
  return (
    <div
      role="status"
      className="flex items-center justify-center gap-2 border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      {status === "reconnecting" ? (
        <>
          <span className="size-2 animate-pulse rounded-full bg-amber-500" aria-hidden="true" />
          {t("reconnecting")}
        </>
      ) : (
        <>
          <WifiOffIcon className="size-4" />
          {t("offline")}
        </>
      )}
    </div>
  );
}

/** The server ended this tab's session: a ban (with its reason and end), a sign-out, a password change. */
function SessionEndedBanner({ ended }: { ended: SessionEnded }) {
  const t = useTranslations("authz");
  const format = useFormatter();
  const banned = ended.reason === "banned";
  const until = ended.ban?.until ? format.dateTime(new Date(ended.ban.until), { dateStyle: "long", timeStyle: "short" }) : null;
  const message = banned
    ? until
      ? t("bannedUntil", { until })
      : t("bannedForever")
    : ended.reason === "password-changed"
      ? t("passwordChanged")
      : ended.reason === "deleted"
        ? t("deleted")
        : t("signedOut");
  return (
    <div
      role="alert"
      data-testid="session-ended"
      className="flex flex-wrap items-center justify-center gap-x-3 gap-y-1 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
    >
      <span className="font-medium">{message}</span>
      {banned && ended.ban?.reason ? <span>{t("banReason", { reason: ended.ban.reason })}</span> : null}
      {!banned && ended.reason !== "deleted" ? (
        <Link href="/signin" className="font-medium underline underline-offset-2 hover:no-underline">
          {t("signInAgain")}
        </Link>
      ) : null}
    </div>
  );
}
