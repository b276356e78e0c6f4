import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "@/components/api";

/**
 * The API's error `code` is the contract and its `message` stays English for developers, so the
 * interface says what went wrong in the reader's language from the code (messages under
 * `errors` in messages/<locale>.json). A few refusals share a code but mean different things to
 * the person in front of the screen (a locked post, a ban, a name already taken): those are told
 * apart by the server's message and get their own sentence; anything else gets its code's.
 */
type Translate = ReturnType<typeof useTranslations<"errors">>;

const CODES = [
  "BAD_JSON",
  "VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
  "INTERNAL",
  "UNAVAILABLE",
  "NETWORK",
] as const;
type Code = (typeof CODES)[number];

/** Specific refusals within a code, recognised by the server's (English, stable) words. */
const SPECIFIC: Array<{ code: Code; pattern: RegExp; key: "postLocked" | "banned" | "staffOnly" | "notAuthor" | "taken" | "reportClosed" | "itemGone" }> = [
  { code: "FORBIDDEN", pattern: /locked/i, key: "postLocked" },
  { code: "FORBIDDEN", pattern: /banned/i, key: "banned" },
  { code: "FORBIDDEN", pattern: /^(moderators|admins) only$/i, key: "staffOnly" },
  { code: "FORBIDDEN", pattern: /only the author/i, key: "notAuthor" },
  { code: "CONFLICT", pattern: /already (taken|registered)/i, key: "taken" },
  { code: "CONFLICT", pattern: /already closed/i, key: "reportClosed" },
  { code: "CONFLICT", pattern: /already gone/i, key: "itemGone" },
];

const isCode = (code: string): code is Code => (CODES as readonly string[]).includes(code);

/** A sentence for the person in front of the screen, in their language. */
export function errorText(t: Translate, err: unknown): string {
  if (!(err instanceof ApiError)) return t("codes.INTERNAL");
  const specific = SPECIFIC.find((s) => s.code === err.code && s.pattern.test(err.message));
  if (specific) return t(`specific.${specific.key}`);
  return isCode(err.code) ? t(`codes.${err.code}`) : t("codes.INTERNAL");
}

/** A field's problem (the server's `details[].message`), with the field's own translated label. */
export function fieldText(t: Translate, field: string, message: string): string {
  let m: RegExpExecArray | null;
  if (/^must not be empty$/i.test(message)) return t("fields.empty", { field });
  if ((m = /^must be at least (\d+) characters$/i.exec(message))) return t("fields.tooShort", { field, min: Number(m[1]) });
  if ((m = /^must be at most (\d+) characters$/i.exec(message))) return t("fields.tooLong", { field, max: Number(m[1]) });
  if (/valid email/i.test(message)) return t("fields.email", { field });
  if (/letters, digits, _ and -/i.test(message)) return t("fields.usernameChars", { field });
  if (/already registered/i.test(message)) return t("fields.emailTaken", { field });
  if (/already taken/i.test(message)) return t("fields.taken", { field });
  return t("fields.invalid", { field });
}

/** `errorText` and `fieldText` bound to the active language, for components. */
export function useErrorText() {
  const t = useTranslations("errors");
  const error = useCallback((err: unknown) => errorText(t, err), [t]);
  const field = useCallback((label: string, message: string) => fieldText(t, label, message), [t]);
  return { error, field };
}
