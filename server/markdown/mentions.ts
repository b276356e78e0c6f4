import type MarkdownIt from "markdown-it";

type Md = InstanceType<typeof MarkdownIt>;
type CoreRule = Parameters<Md["core"]["ruler"]["push"]>[1];
type StateCore = Parameters<CoreRule>[0];
type Token = StateCore["tokens"][number];

/** The class a mention link carries (the sanitizer lets only this one through, on links). */
export const MENTION_CLASS = "mention";

const MENTION = /(^|[^\w@])@([A-Za-z0-9_-]{3,32})\b/g;

/** @usernames mentioned in a markdown body (code is not told apart here; rendering skips it). */
export function mentions(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(MENTION)) found.add(m[2]);
  return [...found];
}

/** What the renderer is told: lower-cased username → the member's own spelling. */
export type MentionEnv = Record<PropertyKey, unknown> & { members?: Map<string, string> };

/**
 * Turns `@username` of a real member into a link to `/u/<username>` in text tokens only, so
 * code spans, code blocks and existing links keep the text as written. Unknown names stay text.
 */
export const mentionPlugin = (md: Md): void => {
  md.core.ruler.push("mentions", (state: StateCore) => {
    const members = (state.env as MentionEnv | undefined)?.members;
    if (!members || members.size === 0) return;
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const out: Token[] = [];
      let inLink = 0;
      for (const token of block.children) {
        if (token.type === "link_open") inLink++;
        if (token.type === "link_close") inLink--;
        if (token.type !== "text" || inLink > 0 || !token.content.includes("@")) {
          out.push(token);
          continue;
        }
        out.push(...split(state, token.content, members));
      }
      block.children = out;
    }
  });
};

function split(state: StateCore, text: string, members: Map<string, string>): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  const plain = (content: string) => {
    if (!content) return;
    const t = new state.Token("text", "", 0);
    t.content = content;
    tokens.push(t);
  };
  for (const m of text.matchAll(MENTION)) {
    const username = members.get(m[2].toLowerCase());
    if (!username) continue;
    const at = m.index + m[1].length;
    plain(text.slice(last, at));
    const open = new state.Token("link_open", "a", 1);
    open.attrs = [
      ["href", `/u/${encodeURIComponent(username)}`],
      ["class", MENTION_CLASS],
    ];
    tokens.push(open);
    plain(`@${m[2]}`);
    tokens.push(new state.Token("link_close", "a", -1));
    last = at + 1 + m[2].length;
  }
  plain(text.slice(last));
  return tokens;
}
