export function Footer() {
  return (
    <footer className="mt-16 border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-xs text-zinc-500 sm:flex-row sm:justify-between dark:text-zinc-500">
        <p>Parley — a live community forum.</p>
        <p>Be kind. Stay on topic. Report what breaks the rules.</p>
      </div>
    </footer>
  );
}
