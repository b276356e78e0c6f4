"use client";
import { useTranslations } from "next-intl";
import { useConnectionStore } from "@/components/stores/StoresProvider";
import { WifiOffIcon } from "@/components/ui/icons";

/** Says so when live updates are interrupted; silent while connecting for the first time. */
export function ConnectionBanner() {
  const t = useTranslations("connection");
  const status = useConnectionStore((s) => s.status);
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
