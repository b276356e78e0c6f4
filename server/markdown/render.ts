import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { imagesAsLinks, LINK_ATTRS, MARKDOWN_OPTIONS } from "./options";

// markdown-it with raw HTML off renders markdown's own formatting; sanitize-html then enforces
// an allow-list as a second, independent wall, so a renderer bug cannot smuggle in script.
const md = new MarkdownIt(MARKDOWN_OPTIONS);

// Images become links (options.ts): no reader's browser loads from a host an author picked.
imagesAsLinks(md);

const ALLOWED_TAGS = [
  "p",
  "br",
  "hr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "code",
  "em",
  "strong",
  "del",
  "s",
  "ul",
  "ol",
  "li",
  "a",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ["href", "title", "rel", "target"],
    th: ["style"],
    td: ["style"],
    ol: ["start"],
  },
  allowedStyles: { th: { "text-align": [/^(left|right|center)$/] }, td: { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", LINK_ATTRS),
  },
};

/** Markdown to sanitized HTML: no script, no handlers, no javascript:/data: URLs, no embeds. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), SANITIZE);
}

// sanitize-html escapes the text it keeps; an excerpt is plain text, so undo that escaping.
const ESCAPES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };

/** A short plain-text excerpt for notifications and previews. */
export function excerpt(source: string, max = 140): string {
  const text = sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&(?:amp|lt|gt|quot);/g, (e) => ESCAPES[e])
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** @usernames mentioned in a markdown body (outside code is not distinguished; cheap and good enough). */
export function mentions(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/(^|[^\w@])@([A-Za-z0-9_-]{3,32})\b/g)) found.add(m[2]);
  return [...found];
}
