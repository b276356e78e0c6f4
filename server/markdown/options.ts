// Shared by the server's renderer (render.ts, which alone produces stored HTML and sanitizes it)
// and the editor's preview in the browser (components/markdown/preview.ts), so the two cannot
// drift. The browser imports this file: it must stay free of sanitize-html and server code.

/** Raw HTML off (markdown-it escapes it), bare URLs linked, single newlines kept as <br>. */
export const MARKDOWN_OPTIONS = { html: false, linkify: true, breaks: true } as const;

/** Every link in a body leaves Parley: new tab, no referrer, no opener, no ranking credit. */
export const LINK_ATTRS = { rel: "nofollow noopener noreferrer ugc", target: "_blank" } as const;
