// Shared by the server's renderer (render.ts, which alone produces stored HTML and sanitizes it)
// and the editor's preview in the browser (components/markdown/preview.ts), so the two cannot
// drift. The browser imports this file: it must stay free of sanitize-html and server code.
import type { MarkdownIt } from "markdown-it";

/** Raw HTML off (markdown-it escapes it), bare URLs linked, single newlines kept as <br>. */
export const MARKDOWN_OPTIONS = { html: false, linkify: true, breaks: true } as const;

/** Every link in a body leaves Parley: new tab, no referrer, no opener, no ranking credit. */
export const LINK_ATTRS = { rel: "nofollow noopener noreferrer ugc", target: "_blank" } as const;

/**
 * Images become links to the image: a reader's browser never fetches from a host an author
 * picked (which would tell that host every reader's address, and when they read). The link
 * text is the image's alt text, else its address.
 */
export function imagesAsLinks(md: MarkdownIt): void {
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = String(token.attrGet("src") ?? "");
    const alt = String(self.renderInlineAsText(token.children ?? [], options, env)).trim();
    const attrs = Object.entries(LINK_ATTRS)
      .map(([name, value]) => ` ${name}="${value}"`)
      .join("");
    return `<a href="${md.utils.escapeHtml(src)}"${attrs}>${md.utils.escapeHtml(alt || src)}</a>`;
  };
}
