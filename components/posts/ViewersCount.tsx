"use client";
import { useTranslations } from "next-intl";
import { useThreadStore } from "@/components/stores/ThreadStoreProvider";
import { EyeIcon } from "@/components/ui/icons";

/** "3 viewing": how many people have this post open, from the thread store. */
export function ViewersCount() {
  const t = useTranslations("posts");
  const n = useThreadStore((s) => s.viewers);
  if (n <= 0) return null;
  return (
    <span className="inline-flex items-center gap-1" title={t("viewersTitle")}>
      <EyeIcon className="size-4" />
      {t("viewing", { count: n })}
    </span>
  );
}
