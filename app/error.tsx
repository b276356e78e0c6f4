"use client";
import { useEffect } from "react";
import { Button, LinkButton } from "@/components/ui/Button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center py-16 text-center">
      <p className="text-sm font-semibold text-red-600 dark:text-red-400">Something went wrong</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-zinc-900 dark:text-white">We couldn&apos;t load this page</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        It&apos;s probably temporary. Try again, and if it keeps happening, let the moderators know.
      </p>
      {error.digest && <p className="mt-2 font-mono text-xs text-zinc-400">Reference: {error.digest}</p>}
      <div className="mt-8 flex gap-3">
        <Button onClick={reset}>Try again</Button>
        <LinkButton href="/" variant="secondary">
          Go home
        </LinkButton>
      </div>
    </div>
  );
}
