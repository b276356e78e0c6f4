import { describe, expect, it } from "vitest";
// htmlparser2 is what sanitize-html parses with; here it reads the preview as a browser would.
import { Parser } from "htmlparser2";
import { renderPreview } from "@/components/markdown/preview";
import { renderMarkdown } from "./render";

interface Element {
  name: string;
  attribs: Record<string, string>;
}

function elements(html: string): Element[] {
  const found: Element[] = [];
  const parser = new Parser(
    { onopentag: (name, attribs) => void found.push({ name, attribs }) },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** Every tag markdown-it itself emits; anything else came from the input. */
const MARKDOWN_TAGS = new Set(
  "p br hr h1 h2 h3 h4 h5 h6 blockquote pre code em strong s ul ol li a img table thead tbody tr th td".split(" "),
);

/** The scheme a browser would see: whitespace and control characters dropped, lower-cased. */
function scheme(url: string): string | null {
  const m = /^([a-z][a-z0-9+.-]*):/.exec(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase());
  return m ? m[1] : null;
}

/** Ways the preview's HTML could run script: foreign tags, handlers, script-bearing URLs. */
function dangers(html: string): string[] {
  const found: string[] = [];
  for (const el of elements(html)) {
    if (!MARKDOWN_TAGS.has(el.name)) found.push(`tag <${el.name}>`);
    for (const [attr, value] of Object.entries(el.attribs)) {
      if (attr.startsWith("on")) found.push(`handler ${el.name}[${attr}]`);
      if (attr !== "href" && attr !== "src") continue;
      const s = scheme(value);
      // markdown-it lets data: through for raster images only, which cannot run script.
      const harmlessData = el.name === "img" && /^data:image\/(gif|png|jpeg|webp);/i.test(value);
      if ((s === "javascript" || s === "vbscript" || s === "file" || s === "data") && !harmlessData)
        found.push(`${el.name}[${attr}] ${value}`);
    }
  }
  if (/<\s*(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|body)\b/i.test(html)) found.push("raw dangerous tag");
  return found;
}

const HOSTILE = [
  "<script>alert(1)</script>",
  "<ScRiPt src=//evil.example/x.js></sCrIpT>",
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](&#x6A;avascript:alert(1))",
  "[x](jav\tascript:alert(1))",
  "[x](\u0001javascript:alert(1))",
  "<javascript:alert(1)>",
  "[x](vbscript:msgbox(1))",
  "[x](file:///etc/passwd)",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "![x](javascript:alert(1))",
  '![x](https://ok.example/x.png" onerror="alert(1))',
  "[x][1]\n\n[1]: javascript:alert(1)",
  '[click](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '<iframe src="https://evil.example"></iframe>',
  "<!--><img src=x onerror=alert(1)>-->",
  "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
  "> <script>alert(1)</script>\n> [x](javascript:alert(1))",
  "**[x](javascript:alert(1))**",
];

describe("renderPreview: hostile input", () => {
  // Each payload alone, and inside a list item and a blockquote.
  it.each(HOSTILE.flatMap((p) => [p, `- ${p}`, `> ${p}`]))("neutralises %j", (payload) => {
    expect(dangers(renderPreview(payload))).toEqual([]);
  });

  it("shows raw HTML as text rather than dropping it", () => {
    expect(renderPreview("use <b>tags</b>")).toContain("use &lt;b&gt;tags&lt;/b&gt;");
  });

  it("the checker is not vacuous", () => {
    expect(dangers("<p><script>alert(1)</script></p>")).not.toEqual([]);
    expect(dangers('<img src="x" onerror="alert(1)">')).not.toEqual([]);
    expect(dangers('<a href="java\tscript:alert(1)">x</a>')).not.toEqual([]);
    expect(dangers('<a href="data:text/html,hi">x</a>')).not.toEqual([]);
  });
});

describe("renderPreview: looks like what gets posted", () => {
  // Ordinary markdown must come out as the server stores it (modulo serialisation), so the
  // shared options and link attributes are really in use on both sides.
  const ORDINARY = [
    "**bold** _italic_ ~~gone~~ `x < y`",
    "## Title\n\n- one\n- two\n\n3. three\n4. four\n\n> quoted",
    '[docs](https://example.com/d?q=1 "t")\nsee https://example.com/x and <someone@example.com>',
    "![a cat](https://example.com/cat.png)",
    "| a | b |\n|:-|-:|\n| 1 | 2 |",
    "one\ntwo\n\n---\n\nb",
  ];
  it.each(ORDINARY)("%j", (source) => {
    expect(elements(renderPreview(source))).toEqual(elements(renderMarkdown(source)));
  });

  it("links open in a new tab without referrer or opener", () => {
    const a = elements(renderPreview("[x](https://example.com)")).find((e) => e.name === "a");
    expect(a?.attribs).toEqual({ href: "https://example.com", rel: "nofollow noopener noreferrer ugc", target: "_blank" });
  });
});
