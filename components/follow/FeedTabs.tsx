import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

export type FeedTab = "latest" | "unread" | "new";

/** Latest / Unread / New: the home feed's views for a signed-in member (the choice is in the address). */
export async function FeedTabs({ current }: { current: FeedTab }) {
  const t = await getTranslations("follow.tabs");
  const tabs: { id: FeedTab; href: string }[] = [
    { id: "latest", href: "/" },
    { id: "unread", href: "/?filter=unread" },
    { id: "new", href: "/?filter=new" },
  ];
  return (
    <nav aria-label={t("label")} className="flex gap-1 rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          aria-current={tab.id === current ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-accent-500",
            tab.id === current
              ? "bg-white text-zinc-900 shadow-xs dark:bg-zinc-700 dark:text-white"
              : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
          )}
        >
          {t(tab.id)}
        </Link>
      ))}
    </nav>
  );
}
