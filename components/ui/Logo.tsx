import { useTranslations } from "next-intl";

/** Parley's mark: two overlapping speech bubbles in the accent colour. */
export function Logo() {
  const t = useTranslations("common");
  return (
    <span className="inline-flex items-center gap-2">
      <svg viewBox="0 0 32 32" className="size-7" aria-hidden="true">
        <rect x="2" y="4" width="20" height="16" rx="5" className="fill-accent-600" />
        <path d="M7 20v5l5-5z" className="fill-accent-600" />
        <rect x="12" y="11" width="18" height="14" rx="5" className="fill-accent-400 dark:fill-accent-300" opacity="0.9" />
        <path d="M25 25v4l-4-4z" className="fill-accent-400 dark:fill-accent-300" opacity="0.9" />
      </svg>
      <span className="text-lg font-bold tracking-tight text-zinc-900 dark:text-white">{t("brand")}</span>
    </span>
  );
}
