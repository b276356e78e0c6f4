import { useTranslations } from "next-intl";
import { cn } from "./cn";
import { Card } from "./Card";

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-zinc-200/80 dark:bg-zinc-800", className)} />;
}

/** Placeholder rows shaped like a post list. */
export function PostListSkeleton({ rows = 6 }: { rows?: number }) {
  const t = useTranslations("posts");
  return (
    <Card>
      <div role="status" aria-label={t("loadingPosts")} className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-3 px-5 py-4">
            <Skeleton className="size-9 rounded-full" />
            <div className="flex-1 space-y-2">
              <Skeleton className={cn("h-4", i % 2 ? "w-2/3" : "w-1/2")} />
              <Skeleton className="h-3 w-1/3" />
            </div>
            <Skeleton className="h-4 w-8" />
          </div>
        ))}
      </div>
    </Card>
  );
}
