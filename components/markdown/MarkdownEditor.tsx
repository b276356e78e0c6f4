"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { cn } from "@/components/ui/cn";
import { FieldError, inputClass } from "@/components/ui/Field";
import { useMentions } from "@/components/follow/useMentions";

interface MarkdownEditorProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  rows?: number;
  error?: string;
  maxLength?: number;
  disabled?: boolean;
  autoFocus?: boolean;
  hideLabel?: boolean;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  /** Cmd/Ctrl+Enter. */
  onSubmit?: () => void;
}

/**
 * A textarea with a Write/Preview toggle. The preview renders in the browser with markdown-it
 * set up exactly as the server's renderer (see ./preview), loaded only when first needed; the
 * server still renders and sanitizes what gets posted.
 */
export function MarkdownEditor(props: MarkdownEditorProps) {
  const { id, label, value, onChange, error, hideLabel, onSubmit, textareaRef, ...rest } = props;
  const t = useTranslations("editor");
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [html, setHtml] = useState<string | null>(null);
  const errorId = `${id}-error`;
  // @mention autocomplete needs the textarea; so may the caller (textareaRef).
  const own = useRef<HTMLTextAreaElement | null>(null);
  const textarea = textareaRef ?? own;
  const mentions = useMentions(id, value, onChange, textarea);

  useEffect(() => {
    if (tab !== "preview") return;
    let live = true;
    import("./preview").then(({ renderPreview }) => live && setHtml(renderPreview(value)));
    return () => {
      live = false;
    };
  }, [tab, value]);

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (mentions.onKeyDown(e)) return;
    if (onSubmit && e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      onSubmit();
    }
  }

  const tabClass = (active: boolean) =>
    cn(
      "rounded-md px-2.5 py-1 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-accent-500",
      active
        ? "bg-white text-zinc-900 shadow-xs dark:bg-zinc-700 dark:text-white"
        : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
    );

  return (
    <div>
      <div className="mb-1.5 flex items-center justify-between gap-2">
        <label htmlFor={id} className={cn("text-sm font-medium text-zinc-800 dark:text-zinc-200", hideLabel && "sr-only")}>
          {label}
        </label>
        <div role="group" aria-label={t("mode")} className="ml-auto flex gap-0.5 rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800">
          <button type="button" aria-pressed={tab === "write"} className={tabClass(tab === "write")} onClick={() => setTab("write")}>
            {t("write")}
          </button>
          <button type="button" aria-pressed={tab === "preview"} className={tabClass(tab === "preview")} onClick={() => setTab("preview")}>
            {t("preview")}
          </button>
        </div>
      </div>
      <div className="relative">
        <textarea
          id={id}
          ref={textarea}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            mentions.detect();
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(e) =>
            (e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End") && !mentions.inputProps["aria-expanded"] && mentions.detect()
          }
          onClick={mentions.detect}
          onBlur={mentions.close}
          {...mentions.inputProps}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          hidden={tab !== "write"}
          className={cn(inputClass, "min-h-24 resize-y leading-relaxed")}
          {...rest}
        />
        {tab === "write" && mentions.listbox}
      </div>
      {tab === "preview" && (
        <div aria-label={t("preview")} className="min-h-24 rounded-lg border border-dashed border-zinc-300 px-3 py-2 dark:border-zinc-700">
          {value.trim() === "" ? (
            <p className="text-sm text-zinc-500">{t("nothing")}</p>
          ) : html === null ? (
            <p className="text-sm text-zinc-500">{t("rendering")}</p>
          ) : (
            <div className="prose text-[0.95rem]" dangerouslySetInnerHTML={{ __html: html }} />
          )}
        </div>
      )}
      <div className="mt-1 flex items-start justify-between gap-2">
        <FieldError id={errorId} message={error} />
        <p className="ml-auto pt-1.5 text-xs text-zinc-400 dark:text-zinc-500">{t("markdown")}</p>
      </div>
    </div>
  );
}
