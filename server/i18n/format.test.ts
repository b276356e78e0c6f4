import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/api";
import { errorText, fieldText } from "@/components/i18n/errors";
import { formatDate, formatRelative } from "@/components/ui/time";
import { catalogue } from "./locales";

/** The words that are not plain catalogue lookups: times through Intl, errors from their code. */
const NOW = Date.parse("2026-12-01T12:00:00Z");
const ago = (ms: number) => new Date(NOW - ms).toISOString();

function errorsIn(locale: string): Parameters<typeof errorText>[0] {
  const translate = createTranslator({ locale, messages: catalogue(locale) as never }) as unknown as (key: string, values?: object) => string;
  return ((key: string, values?: object) => translate(`errors.${key}`, values)) as never;
}

describe("relative times and dates", () => {
  it("speak the active language through Intl", () => {
    expect(formatRelative(ago(5 * 60_000), "en", NOW)).toBe("5 minutes ago");
    expect(formatRelative(ago(5 * 60_000), "zh-CN", NOW)).toBe("5分钟前");
    expect(formatRelative(ago(3 * 3_600_000), "zh-CN", NOW)).toBe("3小时前");
    expect(formatRelative(ago(86_400_000), "zh-CN", NOW)).toBe("昨天");
    expect(formatRelative(ago(86_400_000), "en", NOW)).toBe("yesterday");
    expect(formatRelative(ago(10_000), "zh-CN", NOW)).toBeNull(); // "just now" comes from the catalogue
    expect(formatDate("2026-03-04T12:00:00Z", "zh-CN")).toBe("2026年3月4日");
    expect(formatDate("2026-03-04T12:00:00Z", "en")).toBe("March 4, 2026");
  });
});

describe("API errors in the reader's language", () => {
  const zh = errorsIn("zh-CN");
  const en = errorsIn("en");

  it("word each code from the catalogue, never showing the API's English message", () => {
    const limited = new ApiError(429, "RATE_LIMITED", "too many requests; try again in 3s");
    expect(errorText(zh, limited)).toBe("操作太快了，请稍等几秒再试。");
    expect(errorText(en, limited)).toBe("You're going a little fast — wait a few seconds and try again.");
    expect(errorText(zh, new ApiError(0, "NETWORK", "Parley could not be reached"))).toBe("无法连接 Parley，请检查网络后重试。");
    expect(errorText(zh, new ApiError(418, "SOMETHING_NEW", "teapot"))).toBe("服务器出了点问题，请重试。");
    expect(errorText(zh, new Error("boom"))).toBe("服务器出了点问题，请重试。");
  });

  it("tell apart refusals that share a code", () => {
    const locked = new ApiError(403, "FORBIDDEN", "this post is locked: new comments are closed");
    expect(errorText(zh, locked)).toBe("该帖子已锁定，不能再发表评论。");
    expect(errorText(zh, new ApiError(403, "FORBIDDEN", "cross-site request refused"))).toBe("你没有权限进行此操作。");
  });

  it("word field problems with the field's translated label", () => {
    expect(fieldText(zh, "用户名", "must be at least 3 characters")).toBe("用户名至少需要 3 个字符。");
    expect(fieldText(en, "Username", "must be at least 3 characters")).toBe("Username must be at least 3 characters.");
    expect(fieldText(zh, "邮箱", "is already registered")).toBe("该邮箱已注册。");
    expect(fieldText(zh, "标题", "something unforeseen")).toBe("标题无效。");
  });
});
