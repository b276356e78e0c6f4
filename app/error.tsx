"use client";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button, LinkButton } from "@/components/ui/Button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center py-16 text-center">
      <p className="text-sm font-semibold text-red-600 dark:text-red-400">{t("eyebrow")}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-zinc-900 dark:text-white">{t("title")}</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">{t("body")}</p>
      {error.digest && <p className="mt-2 font-mono text-xs text-zinc-400">{t("reference", { digest: error.digest })}</p>}
      <div className="mt-8 flex gap-3">
        <Button onClick={reset}>{t("retry")}</Button>
        <LinkButton href="/" variant="secondary">
          {t("home")}
        </LinkButton>
      </div>
    </div>
  );
}
