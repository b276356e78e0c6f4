"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call } from "@/components/api";
import { useErrorText } from "@/components/i18n/errors";
import { Button } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Field";

/** The unsubscribe page's one button: a POST with the link's token (opening the link changes nothing). */
export function Unsubscribe({ token, alreadyOff }: { token: string; alreadyOff: boolean }) {
  const t = useTranslations("accountData.unsubscribe");
  const { error: describeError } = useErrorText();
  const [state, setState] = useState<"ask" | "busy" | "done">(alreadyOff ? "done" : "ask");
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setState("busy");
    setError(null);
    try {
      await call("POST /api/v1/unsubscribe/{token}", { params: { token } });
      setState("done");
    } catch (err) {
      setError(describeError(err));
      setState("ask");
    }
  }

  if (state === "done") return <Alert tone="green">{alreadyOff ? t("already") : t("done")}</Alert>;
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("ask")}</p>
      {error && <Alert>{error}</Alert>}
      <Button onClick={() => void confirm()} disabled={state === "busy"}>
        {state === "busy" ? t("working") : t("action")}
      </Button>
    </div>
  );
}
