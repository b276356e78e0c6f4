import { cjkRuns } from "./cjk";

/**
 * Snippets as HTML that is escaped text plus `<mark>`: PostgreSQL's ts_headline marks the hits
 * with two private-use characters (never markup), the text is stripped of markdown syntax and
 * escaped here, and only then do the marks become `<mark>` elements. CJK hits, which
 * ts_headline cannot see (it reads a CJK run as one word), are marked here by the query's runs.
 */
export const START = "\uE000";
export const STOP = "\uE001";
export const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=32, MinWords=12`;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Markdown's syntax out of running text: what a reader sees, not how it was typed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, " ")
    .replace(/!?\[([^\]\n]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, "$1")
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, "")
    .replace(/(\*\*|__|~~|`)/g, "")
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,!?:;]|$)/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** Text with START/STOP marks → the text and which characters are marked. */
function parse(marked: string): { chars: string[]; mask: boolean[] } {
  const chars: string[] = [];
  const mask: boolean[] = [];
  let on = false;
  for (const c of Array.from(marked)) {
    if (c === START) on = true;
    else if (c === STOP) on = false;
    else {
      chars.push(c);
      mask.push(on);
    }
  }
  return { chars, mask };
}

function markRuns(chars: string[], mask: boolean[], runs: string[]) {
  const text = chars.join("");
  // Indices by code point: map UTF-16 offsets of matches back to positions in `chars`.
  const offsets: number[] = [];
  let o = 0;
  for (const c of chars) {
    offsets.push(o);
    o += c.length;
  }
  const at = new Map(offsets.map((off, i) => [off, i]));
  for (const run of new Set(runs)) {
    const len = Array.from(run).length;
    for (let i = text.indexOf(run); i !== -1; i = text.indexOf(run, i + run.length)) {
      const start = at.get(i);
      if (start === undefined) continue;
      for (let k = start; k < start + len; k++) mask[k] = true;
    }
  }
}

function render(chars: string[], mask: boolean[]): string {
  let html = "";
  let open = false;
  chars.forEach((c, i) => {
    if (mask[i] && !open) html += "<mark>";
    if (!mask[i] && open) html += "</mark>";
    open = mask[i];
    html += escape(c);
  });
  return open ? `${html}</mark>` : html;
}

/** A window of about `size` characters around the first CJK hit of a plain text. */
function cjkWindow(text: string, runs: string[], size = 90): string | null {
  const hits = runs.map((r) => text.indexOf(r)).filter((i) => i >= 0);
  if (!hits.length) return null;
  const chars = Array.from(text);
  const first = Array.from(text.slice(0, Math.min(...hits))).length;
  const start = Math.max(0, first - Math.floor(size / 3));
  const end = Math.min(chars.length, start + size);
  return (start > 0 ? "… " : "") + chars.slice(start, end).join("") + (end < chars.length ? " …" : "");
}

/**
 * The snippet's HTML. `headline` is ts_headline's output (START/STOP around stemmed hits);
 * `body` is the whole text, given when the query has CJK runs, so a CJK-only hit gets a window
 * around it instead of the document's first words.
 */
export function snippetHtml(query: string, headline: string, body?: string | null): string {
  const runs = cjkRuns(query);
  let source = plainText(headline);
  if (runs.length && !source.includes(START) && body) {
    const plain = plainText(body.replace(/[\uE000\uE001]/g, ""));
    source = cjkWindow(plain, runs) ?? source;
  }
  const { chars, mask } = parse(source);
  markRuns(chars, mask, runs);
  return render(chars, mask);
}

/** A title with its hits marked (titles are short: no window). */
export function titleHtml(query: string, headline: string): string {
  const { chars, mask } = parse(headline);
  markRuns(chars, mask, cjkRuns(query));
  return render(chars, mask);
}
