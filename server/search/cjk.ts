/**
 * Chinese, Japanese and Korean runs, exactly as the database sees them: the same ranges as
 * `search.cjk_class()` in the search migration (Han incl. extensions, Hiragana, Katakana incl.
 * half-width, Hangul). The index holds each run as overlapping bigrams, so the query must be cut
 * the same way; a change here is a change there (and a reindex).
 */
const CJK = "\\u3040-\\u309f\\u30a0-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff66-\\uff9f\\u1100-\\u11ff\\u3130-\\u318f\\uac00-\\ud7af\\u{20000}-\\u{2fa1f}";
const RUN = new RegExp(`[${CJK}]+`, "gu");

/** The CJK runs of a text, in order ("Next.js 的缓存" → ["的缓存"]). */
export function cjkRuns(text: string): string[] {
  return text.match(RUN) ?? [];
}

/** Overlapping bigrams of one run, by code point ("消息推送" → 消息 息推 推送); one character stays one. */
export function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/**
 * The CJK half of a query as tsquery text: each run a phrase of its bigrams (so "消息推送"
 * matches only where the four characters stand together), runs ANDed; a lone character matches
 * as a prefix of a bigram. Only CJK code points reach this text, so it needs no quoting beyond
 * the lexeme quotes; empty when the query has no CJK.
 */
export function cjkTsquery(query: string): string {
  return cjkRuns(query)
    .slice(0, 16)
    .map((run) => {
      const grams = bigrams(run);
      if (grams.length === 1 && Array.from(grams[0]).length === 1) return `'${grams[0]}':*`;
      return `(${grams.map((g) => `'${g}'`).join(" <-> ")})`;
    })
    .join(" & ");
}
