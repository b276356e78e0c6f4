import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { Role } from "@/server/dto";
import { cn } from "./cn";

type Tone = "neutral" | "accent" | "amber" | "red" | "green";

const tones: Record<Tone, string> = {
  neutral: "bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
  accent: "bg-accent-50 text-accent-700 ring-accent-200 dark:bg-accent-950 dark:text-accent-300 dark:ring-accent-800",
  amber: "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-800",
  red: "bg-red-50 text-red-700 ring-red-200 dark:bg-red-950 dark:text-red-300 dark:ring-red-800",
  green: "bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-800",
};

export function Badge({ tone = "neutral", children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex shrink-0 items-center gap-1 rounded-md px-1.5 py-0.5 text-xs leading-4 font-medium ring-1 ring-inset",
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

/** Staff get a badge; members do not. */
export function RoleBadge({ role }: { role: Role }) {
  const t = useTranslations("roles");
  if (role === "ADMIN") return <Badge tone="red">{t("adminBadge")}</Badge>;
  if (role === "MODERATOR") return <Badge tone="green">{t("modBadge")}</Badge>;
  return null;
}
