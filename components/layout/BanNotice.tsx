import type { Viewer } from "@/server/dto";
import { formatDate } from "@/components/ui/time";

/** Tells a banned member why they can read but not write. */
export function BanNotice({ ban }: { ban: NonNullable<Viewer["ban"]> }) {
  return (
    <div
      role="status"
      className="border-b border-red-200 bg-red-50 px-4 py-2 text-center text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
    >
      Your account is suspended{ban.until ? ` until ${formatDate(ban.until)}` : ""}
      {ban.reason ? `: ${ban.reason}` : ""}. You can still read, but not post, comment or react.
    </div>
  );
}
