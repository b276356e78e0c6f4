import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { SESSION_COOKIES } from "../auth/session";
import type { Viewer } from "../dto";
import { LOCALE_COOKIE, resolveLocale } from "../i18n/locales";
import type { MemberPage, PersonalLayer } from "../personal/layer";
import { LAYER_ELEMENT_ID } from "../../components/personal/layer-element";
import { SHELL_HEADER } from "./headers";
import { TAGS } from "../readmodel/invalidation";
import type { ReadModel } from "../readmodel/read-model";
import { parse as parseCookies } from "cookie";

/** Next's request handler, as the custom server calls it. */
export type RenderPage = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Where a replay puts what is its own: this response's CSP nonce, and a member's layer. */
const NONCE = 0;
const LAYER = 1;
type Part = Buffer | typeof NONCE | typeof LAYER;

/**
 * What a page render leaves to replay: the HTML as bytes, cut where each response puts its own
 * nonce and (before `</head>`) a member's layer, so a replay only copies bytes; and Next's headers.
 */
interface CachedPage {
  parts: Part[];
  bytes: number;
  headers: [string, string | string[]][];
}

const gzipAsync = promisify(gzipCallback);

/** Stands in for the render's CSP nonce in stored HTML; each response puts its own back. */
const NONCE_SLOT = "\u0000parley-nonce\u0000";

/** Headers of a render that belong to that one response (prepareRequest sets its own). */
const PER_RESPONSE = new Set([
  "content-length",
  "content-security-policy",
  "x-request-id",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "set-cookie",
]);

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const POST_PAGE = new RegExp(`^/p/(${UUID})$`);
const CATEGORY_PAGE = /^\/c\/[a-z0-9-]{1,64}$/;

/** The read model's tags for a cacheable page path, or null when the path is not one. */
export function pageTags(path: string): string[] | null {
  const post = POST_PAGE.exec(path);
  if (post) return [TAGS.post(post[1])];
  if (path === "/" || CATEGORY_PAGE.test(path)) return [TAGS.lists];
  return null;
}

/** A plain load of a cacheable page (not a client navigation, prefetch or action), or null. */
function plainPageLoad(req: IncomingMessage): { tags: string[]; cookies: Record<string, string | undefined> } | null {
  if (req.method !== "GET" || !req.url || req.url.includes("?")) return null;
  // Client-side navigations and prefetches ask for Next's RSC payload, not the document.
  if (req.headers.rsc !== undefined || req.headers["next-router-state-tree"] !== undefined || req.headers["next-action"] !== undefined)
    return null;
  const tags = pageTags(req.url);
  return tags && { tags, cookies: parseCookies(req.headers.cookie ?? "") };
}

const hasSession = (cookies: Record<string, string | undefined>) => SESSION_COOKIES.some((name) => cookies[name] !== undefined);

/**
 * A guest's plain page load: its key (the page and the interface language it renders in, which
 * server/i18n/request.ts decides the same way for a request without a member) and its tags; null
 * for any other request.
 */
export function guestPage(req: IncomingMessage): { key: string; tags: string[] } | null {
  const load = plainPageLoad(req);
  // Any session cookie, even an expired or forged one: Next decides what that reader sees.
  if (!load || hasSession(load.cookies)) return null;
  const locale = resolveLocale({ cookie: load.cookies[LOCALE_COOKIE], acceptLanguage: req.headers["accept-language"] });
  return { key: `page:${locale}:${req.url}`, tags: load.tags };
}

/** A signed-in reader's plain load of a cacheable page: which page, its tags, and the cookies it came with. */
function memberPageLoad(req: IncomingMessage): { page: MemberPage; tags: string[]; cookies: Record<string, string | undefined> } | null {
  const load = plainPageLoad(req);
  if (!load || !hasSession(load.cookies)) return null;
  const url = req.url ?? "";
  const post = POST_PAGE.exec(url);
  const page: MemberPage = post
    ? { kind: "post", postId: post[1] }
    : url === "/"
      ? { kind: "home" }
      : { kind: "category", slug: url.slice("/c/".length) };
  return { page, ...load };
}

/** A reader's layer as the page carries it: JSON that never runs, with no way to close its element. */
export const layerElement = (layer: PersonalLayer) =>
  `<script type="application/json" id="${LAYER_ELEMENT_ID}">${JSON.stringify(layer).replace(/</g, "\\u003c")}</script>`;

/** A render's HTML (its nonce already replaced by NONCE_SLOT) as parts: the layer goes before `</head>`, or at the end without one. */
function partsOf(html: string): { parts: Part[]; bytes: number } {
  const at = html.indexOf("</head>");
  const pieces = (text: string): Part[] =>
    text.split(NONCE_SLOT).flatMap((piece, i): Part[] => (i === 0 ? [Buffer.from(piece)] : [NONCE, Buffer.from(piece)]));
  const parts: Part[] = at < 0 ? [...pieces(html), LAYER] : [...pieces(html.slice(0, at)), LAYER, ...pieces(html.slice(at))];
  return { parts, bytes: parts.reduce<number>((sum, p) => sum + (typeof p === "number" ? 0 : p.length), 0) };
}

/** A chunk as Node's `write` takes it (string in an encoding, or bytes), as bytes. */
function asBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.alloc(0);
}

const nonceOf = (req: IncomingMessage) => /'nonce-([^']+)'/.exec(String(req.headers["content-security-policy"] ?? ""))?.[1] ?? null;

/**
 * Renders through Next while keeping a copy of what it wrote. Resolves with the page when it is
 * a plain 200 HTML page that can be replayed to other readers; rejects otherwise (an error page,
 * a redirect, a cookie set for this one reader), so nothing is stored. `inject` goes to this
 * reader only, before the page's `</head>`; the copy kept is the render as Next made it.
 */
function renderAndKeep(req: IncomingMessage, res: ServerResponse, render: RenderPage, inject?: string): Promise<CachedPage> {
  const chunks: Buffer[] = [];
  let pending = inject;
  /** The chunk this reader gets: the first one holding `</head>` carries `inject` too. */
  const through = (chunk: unknown, encoding: unknown): unknown => {
    if (!pending || (typeof chunk !== "string" && !(chunk instanceof Uint8Array))) return chunk;
    const bytes = asBuffer(chunk, encoding);
    const at = bytes.indexOf("</head>");
    if (at < 0) return chunk;
    const out = Buffer.concat([bytes.subarray(0, at), Buffer.from(pending), bytes.subarray(at)]);
    pending = undefined;
    // The page grew: a length Next declared before its first write no longer holds.
    if (!res.headersSent) res.removeHeader("content-length");
    return out;
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  return new Promise<CachedPage>((resolve, reject) => {
    res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
      keep(chunk, encoding);
      const sent = through(chunk, encoding);
      return sent === chunk ? write(chunk, encoding, cb) : write(sent, typeof encoding === "function" ? encoding : cb);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
      keep(chunk, encoding);
      let sent = through(chunk, encoding);
      if (pending && !(res.headersSent && res.hasHeader("content-length"))) {
        // A page without `</head>`: the reader's part goes at its end instead.
        if (!res.headersSent) res.removeHeader("content-length");
        sent = Buffer.concat([asBuffer(sent, encoding), Buffer.from(pending)]);
        pending = undefined;
      }
      const result = sent === chunk ? end(chunk, encoding, cb) : end(sent, typeof encoding === "function" ? encoding : cb);
      const nonce = nonceOf(req);
      const type = String(res.getHeader("content-type") ?? "");
      const replayable =
        res.statusCode === 200 &&
        type.startsWith("text/html") &&
        res.getHeader("set-cookie") === undefined &&
        res.getHeader("content-encoding") === undefined;
      if (!replayable || !nonce) reject(new Error("not a replayable page"));
      else {
        const unslot = (value: string) => value.replaceAll(nonce, NONCE_SLOT);
        const headers = Object.entries(res.getHeaders() as OutgoingHttpHeaders)
          .filter(([name, value]) => value !== undefined && !PER_RESPONSE.has(name))
          .map(([name, value]) => [name, Array.isArray(value) ? value.map(unslot) : unslot(String(value))] as [string, string | string[]]);
        resolve({ ...partsOf(unslot(Buffer.concat(chunks).toString("utf8"))), headers });
      }
      return result;
    }) as typeof res.end;
    // A response that closes before Next ended it (the reader went away) leaves nothing to keep.
    res.once("close", () => reject(new Error("closed before the end")));
    render(req, res).catch(reject);
  });
}

async function replay(req: IncomingMessage, res: ServerResponse, page: CachedPage, gzip: boolean, inject?: string): Promise<boolean> {
  const nonce = nonceOf(req);
  if (!nonce) return false;
  const slot = (value: string) => value.replaceAll(NONCE_SLOT, nonce);
  const own = { [NONCE]: Buffer.from(nonce), [LAYER]: Buffer.from(inject ?? "") };
  const html = Buffer.concat(page.parts.map((part) => (typeof part === "number" ? own[part] : part)));
  // Compressed per response (the nonce differs each time), off the event loop.
  const body = gzip ? await gzipAsync(html) : html;
  for (const [name, value] of page.headers) res.setHeader(name, Array.isArray(value) ? value.map(slot) : slot(value));
  if (gzip) res.setHeader("content-encoding", "gzip");
  res.setHeader("x-parley-page-cache", "hit");
  res.setHeader("content-length", body.length);
  res.statusCode = 200;
  res.end(body);
  return true;
}

/** How the page cache learns about a signed-in reader of a cacheable page. */
export interface MemberLayers {
  /** The member a request's session names, when their pages can be the shared member render plus their layer; else null. */
  viewer(req: IncomingMessage): Promise<Viewer | null>;
  /** That member's layer over `page`: null when the shared render is not what they see; rejects when the page is not there for them. */
  layer(viewer: Viewer, page: MemberPage): Promise<PersonalLayer | null>;
}

/**
 * Post, category and home pages rendered once and replayed from the read model
 * (server/readmodel/): the same entries, tags and invalidation as the shared JSON reads, so the
 * after-commit event that changes a post drops its pages on every node before any socket there
 * hears of it. Each replay carries this response's own CSP nonce.
 *
 * - Guests get the guest render of their language.
 * - Members in good standing (`members.viewer`) get the **member shell**: the page rendered for
 *   members in general (Next sees no session, only SHELL_HEADER and the member's language),
 *   with their own layer (`members.layer`: who they are, notifications, read positions, watch
 *   levels, reactions) put in the page as JSON for the client to lay over it as it hydrates.
 *   Every member's page reuses one render; only the layer is per reader.
 * - Staff and banned members, a member whose layer says the shared render is not theirs (a home
 *   page with a muted category), other pages, client navigations and anything but a plain 200
 *   render go straight to Next.
 */
export function createPageCache(readModel: ReadModel, render: RenderPage, members?: MemberLayers): RenderPage {
  /** Serves `key` from the read model, rendering it through Next on a miss; `fallback` when that fails. */
  async function fromCache(
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    tags: string[],
    fallback: () => Promise<void>,
    inject?: string,
  ) {
    // Next renders the stored copy uncompressed; replays compress it for readers that accept gzip.
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    delete req.headers["accept-encoding"];
    let rendered = false;
    let page: CachedPage;
    try {
      page = await readModel.read(
        key,
        tags,
        () => {
          rendered = true;
          return renderAndKeep(req, res, render, inject);
        },
        // Never sent as JSON: kept as the page's bytes alone.
        { json: false, bytes: (p) => p.bytes + JSON.stringify(p.headers).length },
      );
    } catch {
      // This request's own render failed to be replayable (it already answered), or the one it
      // waited for did: then render this one.
      if (!rendered) await fallback();
      return;
    }
    if (rendered) return;
    if (!(await replay(req, res, page, gzip, inject))) await fallback();
  }

  async function memberShell(req: IncomingMessage, res: ServerResponse, load: NonNullable<ReturnType<typeof memberPageLoad>>) {
    const viewer = members ? await members.viewer(req).catch(() => null) : null;
    if (!viewer || !members) return render(req, res);
    let layer: PersonalLayer | null;
    try {
      layer = await members.layer(viewer, load.page);
    } catch {
      // Not there for them, or the database is away: Next answers as it would anyway.
      return render(req, res);
    }
    if (!layer) return render(req, res);
    const locale = resolveLocale({
      member: viewer.locale,
      cookie: load.cookies[LOCALE_COOKIE],
      acceptLanguage: req.headers["accept-language"],
    });
    const cookie = req.headers.cookie;
    req.headers.cookie = `${LOCALE_COOKIE}=${locale}`;
    req.headers[SHELL_HEADER] = "member";
    const asThemselves = () => {
      req.headers.cookie = cookie;
      delete req.headers[SHELL_HEADER];
      return render(req, res);
    };
    await fromCache(req, res, `shell:${locale}:${req.url}`, load.tags, asThemselves, layerElement(layer));
  }

  return async (req, res) => {
    const guest = guestPage(req);
    if (guest) return fromCache(req, res, guest.key, guest.tags, () => render(req, res));
    const member = memberPageLoad(req);
    if (member) return memberShell(req, res, member);
    return render(req, res);
  };
}
