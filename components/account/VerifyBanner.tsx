"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useShellLayer } from "@/components/personal/layer";
import { useResendVerification } from "./useResendVerification";

/** For a member whose email is not confirmed yet: why it matters, and a way to get a new link. */
export function VerifyBanner({ required }: { required: boolean }) {
  const t = useTranslations("account.banner");
  const { state, error, resend } = useResendVerification();

  return (
    <div
      role="status"
      data-testid="verify-banner"
      className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-200"
    >
      {t("text")} {required && t("required")}{" "}
      {state === "sent" ? (
        <span className="font-medium">{t("sent")}</span>
      ) : (
        <button
          type="button"
          onClick={resend}
          disabled={state === "sending"}
          className="font-semibold underline underline-offset-2 hover:no-underline disabled:opacity-60"
        >
          {state === "sending" ? t("sending") : t("resend")}
        </button>
      )}
      {" · "}
      <Link href="/settings/security" className="underline underline-offset-2 hover:no-underline">
        {t("settings")}
      </Link>
      {error && <span className="ml-2 text-red-700 dark:text-red-300">{error}</span>}
    </div>
  );
}

/** On a member shell, the banner for a reader whose layer says their email is not confirmed. */
export function ShellVerifyBanner({ required }: { required: boolean }) {
  const layer = useShellLayer(true);
  return layer && !layer.emailVerified ? <VerifyBanner required={required} /> : null;
}
