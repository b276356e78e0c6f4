import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { plainText } from "@/components/markdown/plain";
import type { QueueReport } from "./admin-api";

/** One line per open report, for the overview: what, why, who reported it and when. */
export function ReportPreview({ report: r }: { report: QueueReport }) {
  const tr = useTranslations("admin.reports");
  const t = r.target;
  const what = !t ? tr("gone") : "post" in t ? t.post.title : plainText(t.comment.bodyHtml);
  const author = t ? ("post" in t ? t.post : t.comment).author.username : undefined;
  return (
    <li>
      <Link href="/admin/reports" className="block px-4 py-3 transition-colors hover:bg-zinc-50 sm:px-5 dark:hover:bg-zinc-800/40">
        <span className="flex items-center gap-2">
          <Badge tone={r.targetType === "post" ? "accent" : "neutral"}>{tr("type", { type: r.targetType })}</Badge>
          <span className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{r.reason}</span>
        </span>
        <span className="mt-1 block truncate text-sm text-zinc-600 dark:text-zinc-400">
          {author && <span className="font-medium">{tr("authorPrefix", { author })}</span>}
          {what}
        </span>
        <span className="mt-0.5 block text-xs text-zinc-500 dark:text-zinc-400">
          {tr("reportedBy", { username: r.reporter.username })} · <RelativeTime iso={r.createdAt} />
        </span>
      </Link>
    </li>
  );
}
