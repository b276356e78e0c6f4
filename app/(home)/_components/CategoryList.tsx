import Link from "next/link";
import { useTranslations } from "next-intl";
import type { CategoryWithStats } from "@/server/dto";
import { Card, CardHeader } from "@/components/ui/Card";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { ChevronRightIcon } from "@/components/ui/icons";

export function CategoryList({ categories }: { categories: CategoryWithStats[] }) {
  const t = useTranslations("home");
  const time = useTranslations("time");
  return (
    <Card>
      <CardHeader title={t("categories")} id="categories-heading" />
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-labelledby="categories-heading">
        {categories.map((c) => (
          <li key={c.id}>
            <Link
              href={`/c/${c.slug}`}
              className="group flex items-center gap-3 px-4 py-3 transition-colors hover:bg-zinc-50 focus-visible:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-500 dark:hover:bg-zinc-800/40 dark:focus-visible:bg-zinc-800/40"
            >
              <span className="min-w-0 flex-1">
                <span className="block font-medium text-zinc-900 group-hover:text-accent-700 dark:text-zinc-100 dark:group-hover:text-accent-300">
                  {c.name}
                </span>
                {c.description && <span className="line-clamp-1 text-sm text-zinc-500 dark:text-zinc-400">{c.description}</span>}
                <span className="mt-0.5 block text-xs text-zinc-500 dark:text-zinc-500">
                  {t("postCount", { count: c.postCount })}
                  {c.lastActivityAt && (
                    <>
                      {" · "}
                      <RelativeTime iso={c.lastActivityAt} prefix={time("active")} />
                    </>
                  )}
                </span>
              </span>
              <ChevronRightIcon className="size-4 shrink-0 text-zinc-400 group-hover:text-zinc-600 dark:group-hover:text-zinc-300" />
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
