"use client";
import { useThreadStore } from "@/components/stores/ThreadStoreProvider";
import { EyeIcon } from "@/components/ui/icons";

/** "3 viewing": how many people have this post open, from the thread store. */
export function ViewersCount() {
  const n = useThreadStore((s) => s.viewers);
  if (n <= 0) return null;
  return (
    <span className="inline-flex items-center gap-1" title="People with this post open right now">
      <EyeIcon className="size-4" />
      {n} viewing
    </span>
  );
}
