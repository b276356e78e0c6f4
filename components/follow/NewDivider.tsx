"use client";
import { useTranslations } from "next-intl";

export const NEW_DIVIDER_ID = "new-divider";

/** The line above the first comment the member has not read yet. */
export function NewDivider() {
  const t = useTranslations("follow");
  return (
    // A list item holding the separator: a list may only hold items, and role=separator on
    // the <li> itself would make it something else.
    <li id={NEW_DIVIDER_ID} data-testid="new-divider" className="scroll-mt-32">
      <div
        role="separator"
        aria-label={t("newDivider")}
        className="flex items-center gap-3 py-1 text-xs font-semibold tracking-wide text-red-600 uppercase dark:text-red-400"
      >
        <span className="h-px flex-1 bg-red-300 dark:bg-red-800" />
        {t("newDivider")}
        <span className="h-px flex-1 bg-red-300 dark:bg-red-800" />
      </div>
    </li>
  );
}

/** Scrolls to the divider (and keeps keyboard focus nearby). */
export function scrollToNewDivider(behavior: ScrollBehavior = "smooth") {
  const el = document.getElementById(NEW_DIVIDER_ID);
  el?.scrollIntoView({ block: "start", behavior });
}

export function JumpToUnread({ count }: { count: number }) {
  const t = useTranslations("follow");
  return (
    <button
      type="button"
      onClick={() => scrollToNewDivider()}
      className="inline-flex items-center gap-1.5 rounded-full bg-accent-50 px-3 py-1 text-sm font-medium text-accent-700 ring-1 ring-accent-600/20 transition-colors ring-inset hover:bg-accent-100 focus-visible:outline-2 focus-visible:outline-accent-500 dark:bg-accent-950/50 dark:text-accent-300 dark:ring-accent-400/30 dark:hover:bg-accent-900/50"
    >
      {t("jumpToUnread", { count })}
    </button>
  );
}
