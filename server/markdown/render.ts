import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { imagesAsLinks, LINK_ATTRS, MARKDOWN_OPTIONS } from "./options";
import { mentionPlugin, MENTION_CLASS, type MentionEnv } from "./mentions";

// markdown-it with raw HTML off renders markdown's own formatting; sanitize-html then enforces
// an allow-list as a second, independent wall, so a renderer bug cannot smuggle in script.
const md = new MarkdownIt(MARKDOWN_OPTIONS).use(mentionPlugin);

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
    a: ["href", "title", "rel", "target", "class"],
    th: ["style"],
    td: ["style"],
    ol: ["start"],
  },
  allowedClasses: { a: [MENTION_CLASS] },
  allowedStyles: { th: { "text-align": [/^(left|right|center)$/] }, td: { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // A member mention stays inside Parley; every other link leaves it (LINK_ATTRS).
    a: (tagName, { class: cls, ...attribs }): sanitizeHtml.Tag =>
      cls === MENTION_CLASS && attribs.href?.startsWith("/u/")
        ? { tagName, attribs: { href: attribs.href, class: MENTION_CLASS } }
        : { tagName, attribs: { ...attribs, ...LINK_ATTRS } },
  },
};

/**
 * Markdown to sanitized HTML: no script, no handlers, no javascript:/data: URLs, no embeds.
 * `members`: usernames (any case) of real members; their `@username` becomes a profile link.
 */
export function renderMarkdown(source: string, members: Iterable<string> = []): string {
  const env: MentionEnv = { members: new Map([...members].map((u) => [u.toLowerCase(), u])) };
  return sanitizeHtml(md.render(source, env), SANITIZE);
}

// sanitize-html escapes the text it keeps; an excerpt is plain text, so undo that escaping.
const ESCAPES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };

/** A short plain-text excerpt of a Markdown source, for notifications and previews. */
export function excerpt(source: string, max = 140): string {
  return excerptOfHtml(md.render(source), max);
}

/**
 * excerpt() from the body's HTML as renderMarkdown() made it (the same text: sanitizing keeps
 * every word), so a write that has rendered its body does not render it again.
 */
export function excerptOfHtml(html: string, max = 140): string {
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(?:amp|lt|gt|quot);/g, (e) => ESCAPES[e])
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export { mentions } from "./mentions";
