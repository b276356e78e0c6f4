import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center gap-2 px-6 py-12 text-center">
      <div aria-hidden="true" className="mb-1 flex size-11 items-center justify-center rounded-full bg-zinc-100 text-xl dark:bg-zinc-800">
        💬
      </div>
      <p className="font-medium text-zinc-900 dark:text-zinc-100">{title}</p>
      {children && <p className="max-w-sm text-sm text-zinc-500 dark:text-zinc-400">{children}</p>}
      {action && <div className="mt-3">{action}</div>}
    </div>
  );
}
