import MarkdownIt from "markdown-it";
import { imagesAsLinks, LINK_ATTRS, MARKDOWN_OPTIONS } from "@/server/markdown/options";

// The editor's preview, rendered in the browser without sanitize-html (which is large and only
// ever runs on the server). It is safe to show on its own: with raw HTML off, markdown-it
// escapes every tag it is given, and its validateLink refuses javascript:, vbscript:, file: and
// non-image data: URLs. What is stored is still rendered and sanitized by server/markdown/render.ts.
const md = new MarkdownIt(MARKDOWN_OPTIONS);

// Links behave as they will once posted (the server adds the same attributes while sanitizing).
md.renderer.rules.link_open = function linkOpen(tokens, idx, options, _env, self) {
  for (const [name, value] of Object.entries(LINK_ATTRS)) tokens[idx].attrSet(name, value);
  return self.renderToken(tokens, idx, options);
};

// Images show as the links they will be once posted.
imagesAsLinks(md);

/** Markdown to HTML for the preview pane; never stored. */
export function renderPreview(source: string): string {
  return md.render(source);
}
