import { describe, expect, it } from "vitest";
// htmlparser2 is the parser sanitize-html itself uses; here it reads the output as a browser would.
import { Parser } from "htmlparser2";
import { renderMarkdown, excerpt, excerptOfHtml, mentions } from "./render";

interface Element {
  name: string;
  attribs: Record<string, string>;
}

/** Parses rendered HTML into its elements (with decoded attribute values) and comments. */
function parse(html: string): { elements: Element[]; comments: string[]; text: string } {
  const elements: Element[] = [];
  const comments: string[] = [];
  let text = "";
  const parser = new Parser(
    {
      onopentag: (name, attribs) => void elements.push({ name, attribs }),
      oncomment: (data) => void comments.push(data),
      ontext: (t) => void (text += t),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return { elements, comments, text };
}

const ALLOWED_TAGS = new Set(
  "p br hr h1 h2 h3 h4 h5 h6 blockquote pre code em strong del s ul ol li a img table thead tbody tr th td".split(" "),
);
const ALLOWED_ATTRS: Record<string, string[]> = {
  a: ["href", "title", "rel", "target"],
  img: ["src", "alt", "title"],
  th: ["style"],
  td: ["style"],
  ol: ["start"],
};

/** What a browser would treat as the URL's scheme: entities decoded, whitespace and controls dropped. */
function scheme(url: string): string | null {
  const squashed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const m = /^([a-z][a-z0-9+.-]*):/.exec(squashed);
  return m ? m[1] : squashed.startsWith("//") ? "protocol-relative" : null;
}

/** Every way rendered HTML could run script, load a foreign frame or restyle the page. */
function dangers(html: string): string[] {
  const found: string[] = [];
  const { elements, comments } = parse(html);
  if (comments.length) found.push(`comment: ${comments.join(" | ")}`);
  for (const el of elements) {
    if (!ALLOWED_TAGS.has(el.name)) found.push(`tag <${el.name}>`);
    for (const [attr, value] of Object.entries(el.attribs)) {
      if (!(ALLOWED_ATTRS[el.name] ?? []).includes(attr)) found.push(`attribute ${el.name}[${attr}]`);
      if (attr.startsWith("on")) found.push(`handler ${el.name}[${attr}]`);
      if (attr === "style" && !/^text-align:\s*(left|right|center);?$/.test(value)) found.push(`style "${value}"`);
      if (attr === "href" || attr === "src") {
        const s = scheme(value);
        const allowed = el.name === "img" ? ["https"] : ["http", "https", "mailto"];
        if (s !== null && !allowed.includes(s)) found.push(`${el.name}[${attr}] scheme ${s}: ${value}`);
      }
    }
  }
  // Belt and braces over the parse: no live markup of these kinds in any spelling.
  if (/<\s*(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|body)\b/i.test(html)) found.push("raw dangerous tag");
  return found;
}

const XSS = [
  // script tags in all casings and splicings
  "<script>alert(1)</script>",
  "<SCRIPT>alert(1)</SCRIPT>",
  "<ScRiPt src=//evil.example/x.js></sCrIpT>",
  "<scr<script>ipt>alert(1)</script>",
  "<<script>script>alert(1)<</script>/script>",
  "<script\n>alert(1)</script\n>",
  "# <script>alert(1)</script>",
  // event handlers
  "<img src=x onerror=alert(1)>",
  '<IMG SRC="x" ONERROR="alert(1)">',
  '<img src="https://ok.example/a.png" onload="alert(1)">',
  "<svg onload=alert(1)>",
  "<svg/onload=alert(1)>",
  "<body onload=alert(1)>",
  '<a onmouseover="alert(1)">hover</a>',
  "<details open ontoggle=alert(1)>",
  "<video><source onerror=alert(1)></video>",
  // javascript: links, obfuscated
  '<a href="javascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="&#x6A;&#x61;vascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](&#106;avascript:alert(1))",
  "[x](&#x6A;avascript:alert(1))",
  "[x](javascript&colon;alert(1))",
  "[x](<java script:alert(1)>)",
  "[x]( javascript:alert(1) )",
  "[x](javascript://%0Aalert(1))",
  "[x](\u0001javascript:alert(1))",
  "[x](jav\tascript:alert(1))",
  "<javascript:alert(1)>",
  "<JAVASCRIPT:alert(1)>",
  // data: and vbscript: URLs in links and images
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "![x](javascript:alert(1))",
  "![x](http://evil.example/x.png)",
  '![x](https://ok.example/x.png" onerror="alert(1))',
  "[x](vbscript:msgbox(1))",
  '<a href="VBScript:msgbox(1)">x</a>',
  "[x](//evil.example/phish)",
  // reference-style links
  "[x][1]\n\n[1]: javascript:alert(1)",
  '[x][r]\n\n[r]: data:text/html,<script>alert(1)</script> "title"',
  "![x][img]\n\n[img]: javascript:alert(1)",
  '[click](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  // frames, plugins, vector and math markup, page-level tags
  '<iframe src="https://evil.example"></iframe>',
  '<object data="evil.swf"></object>',
  '<embed src="evil.swf">',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "<style>body{background:url(javascript:alert(1))}</style>",
  "<link rel=stylesheet href=//evil.example/x.css>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<form action="https://evil.example"><input name=x><button>go</button></form>',
  // style attributes
  '<div style="width: expression(alert(1))">x</div>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<td style="text-align:left;background:url(javascript:alert(1))">x</td>',
  // comments, nesting, unclosed tags
  "<!-- <script>alert(1)</script> -->",
  "<!--><img src=x onerror=alert(1)>-->",
  "<div><img src=x onerror=alert(1)",
  "<a href=javascript:alert(1)",
  "<textarea><script>alert(1)</script></textarea>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  // inside markdown structures
  "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
  "> <script>alert(1)</script>\n> [x](javascript:alert(1))",
  "- <svg onload=alert(1)>\n- [x](data:text/html,hi)",
  "`code` <img src=x onerror=alert(1)>",
  "**[x](javascript:alert(1))**",
];

describe("renderMarkdown: XSS corpus", () => {
  it("has a corpus worth the name", () => {
    expect(XSS.length).toBeGreaterThanOrEqual(40);
  });

  // Each payload alone, and wrapped in a list item and a blockquote.
  const cases = XSS.flatMap((p) => [p, `- ${p}`, `> ${p}`]);
  it.each(cases)("neutralises %j", (payload) => {
    const html = renderMarkdown(payload);
    expect(dangers(html)).toEqual([]);
  });

  it("the checker itself catches each kind of danger (it is not vacuous)", () => {
    expect(dangers("<p><script>alert(1)</script></p>")).not.toEqual([]);
    expect(dangers('<img src="x" onerror="alert(1)">')).not.toEqual([]);
    expect(dangers('<a href="&#106;ava&#x09;script:alert(1)">x</a>')).toContain("a[href] scheme javascript: java\tscript:alert(1)");
    expect(dangers('<img src="data:image/png;base64,AAAA">')).not.toEqual([]);
    expect(dangers('<a href="http://ok.example">x</a><img src="http://ok.example/x.png">')).not.toEqual([]);
    expect(dangers('<p style="color:red">x</p>')).not.toEqual([]);
    expect(dangers("<!-- x -->")).not.toEqual([]);
    expect(dangers("<iframe></iframe>")).not.toEqual([]);
  });
});

describe("renderMarkdown: markdown formatting survives", () => {
  const tags = (md: string) => parse(renderMarkdown(md)).elements;

  it("bold, italics, strikethrough and inline code", () => {
    const html = renderMarkdown("**bold** _italic_ *also* ~~gone~~ `x < y`");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>italic</em>");
    expect(html).toContain("<em>also</em>");
    expect(html).toContain("<s>gone</s>");
    expect(html).toContain("<code>x &lt; y</code>");
  });

  it("headings, lists (with a start number) and blockquotes", () => {
    expect(renderMarkdown("## Title")).toContain("<h2>Title</h2>");
    expect(tags("- one\n- two").map((e) => e.name)).toEqual(["ul", "li", "li"]);
    const ol = tags("3. three\n4. four");
    expect(ol[0]).toEqual({ name: "ol", attribs: { start: "3" } });
    expect(renderMarkdown("> quoted")).toMatch(/<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/);
  });

  it("fenced code blocks keep their content, escaped", () => {
    const html = renderMarkdown("```js\nif (a < b) { run('<script>'); }\n```");
    expect(html).toMatch(/<pre><code>if \(a &lt; b\) \{ run\('&lt;script&gt;'\); \}\n<\/code><\/pre>/);
  });

  it("https links (inline, autolink, bare) open safely; mailto works", () => {
    const a = tags("[docs](https://example.com/docs?q=1)").find((e) => e.name === "a");
    expect(a).toEqual({
      name: "a",
      attribs: { href: "https://example.com/docs?q=1", rel: "nofollow noopener noreferrer ugc", target: "_blank" },
    });
    expect(tags("see https://example.com/x")[1].attribs.href).toBe("https://example.com/x");
    expect(tags("<https://example.com/y>")[1].attribs.href).toBe("https://example.com/y");
    expect(tags("<someone@example.com>")[1].attribs.href).toBe("mailto:someone@example.com");
    expect(tags("[plain](http://example.com)")[1].attribs.href).toBe("http://example.com");
  });

  it("images become links to them: no reader's browser loads from a host an author picked", () => {
    expect(tags("![a cat](https://example.com/cat.png)")[1]).toEqual({
      name: "a",
      attribs: { href: "https://example.com/cat.png", rel: "nofollow noopener noreferrer ugc", target: "_blank" },
    });
    expect(parse(renderMarkdown("![a cat](https://example.com/cat.png)")).text.trim()).toBe("a cat");
    expect(parse(renderMarkdown("![](https://example.com/dog.png)")).text.trim()).toBe("https://example.com/dog.png");
    for (const source of [
      "![x](https://tracker.example/p.gif)",
      '<img src="https://tracker.example/p.gif">',
      "![x][i]\n\n[i]: https://t.example/a.png",
    ])
      expect(tags(source).map((e) => e.name)).not.toContain("img");
  });

  it("tables with alignment", () => {
    const els = tags("| a | b |\n|:-|-:|\n| 1 | 2 |");
    expect(els.map((e) => e.name)).toEqual(["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"]);
    expect(els[3].attribs.style).toBe("text-align:left");
    expect(els[8].attribs.style).toBe("text-align:right");
  });

  it("line breaks and rules", () => {
    expect(renderMarkdown("one\ntwo")).toMatch(/one<br \/>\s*two/);
    expect(renderMarkdown("a\n\n---\n\nb")).toContain("<hr />");
  });

  it("raw HTML is shown as text, not dropped", () => {
    expect(parse(renderMarkdown("use <b>tags</b>")).text).toContain("use <b>tags</b>");
  });
});

describe("excerpt and mentions", () => {
  it("excerpt is plain text, whitespace-collapsed and capped", () => {
    expect(excerpt("**Hello**\n\n<script>x</script> _there_")).toBe("Hello <script>x</script> there");
    expect(excerpt('Tom & Jerry: a < b, "quoted" &amp;lt;')).toBe('Tom & Jerry: a < b, "quoted" &lt;');
    const long = excerpt("word ".repeat(100), 20);
    expect(long).toHaveLength(20);
    expect(long.endsWith("…")).toBe(true);
  });

  it("excerptOfHtml gives the rendered body's excerpt, the same as excerpt of its source", () => {
    const sources = [
      "**Hello**\n\n<script>x</script> _there_",
      'Tom & Jerry: a < b, "quoted" &amp;lt; &copy;',
      "hi @alice, see ![a cat](https://example.com/cat.png) and [the docs](https://example.com)",
      "| a | b |\n| - | - |\n| 1 | 2 |\n\n```js\nconst x = 1 < 2;\n```\n\n> quoted\n\n1. one\n2. two",
      "word ".repeat(100),
    ];
    for (const source of sources) expect(excerptOfHtml(renderMarkdown(source, ["alice"]))).toBe(excerpt(source));
  });

  it("mentions finds @usernames once each, not emails", () => {
    expect(mentions("hi @alice and @bob_2, also @alice; mail me@example.com")).toEqual(["alice", "bob_2"]);
  });
});
