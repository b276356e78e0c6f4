"use client";
import { useEffect, useState } from "react";
import { formatRelative, MINUTE } from "./time";

/** "5m ago", refreshed every minute; the exact time is in the tooltip. */
export function RelativeTime({ iso, prefix, className }: { iso: string; prefix?: string; className?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString("en-US")} className={className} suppressHydrationWarning>
      {prefix ? `${prefix} ` : ""}
      {formatRelative(iso, now)}
    </time>
  );
}
