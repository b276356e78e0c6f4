import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { SESSION_COOKIES } from "../auth/session";
import { LOCALE_COOKIE, resolveLocale } from "../i18n/locales";
import { TAGS } from "../readmodel/invalidation";
import type { ReadModel } from "../readmodel/read-model";
import { parse as parseCookies } from "cookie";

/** Next's request handler, as the custom server calls it. */
export type RenderPage = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** What a guest's page render leaves to replay: the HTML (nonce taken out) and Next's headers. */
interface CachedPage {
  html: string;
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

/**
 * A guest's plain page load: its key (the page and the interface language it renders in, which
 * server/i18n/request.ts decides the same way for a request without a member) and its tags; null
 * for any other request.
 */
export function guestPage(req: IncomingMessage): { key: string; tags: string[] } | null {
  if (req.method !== "GET" || !req.url || req.url.includes("?")) return null;
  // Client-side navigations and prefetches ask for Next's RSC payload, not the document.
  if (req.headers.rsc !== undefined || req.headers["next-router-state-tree"] !== undefined || req.headers["next-action"] !== undefined)
    return null;
  const tags = pageTags(req.url);
  if (tags === null) return null;
  const cookies = parseCookies(req.headers.cookie ?? "");
  // Any session cookie, even an expired or forged one: Next decides what that reader sees.
  if (SESSION_COOKIES.some((name) => cookies[name] !== undefined)) return null;
  const locale = resolveLocale({ cookie: cookies[LOCALE_COOKIE], acceptLanguage: req.headers["accept-language"] });
  return { key: `page:${locale}:${req.url}`, tags };
}

const nonceOf = (req: IncomingMessage) => /'nonce-([^']+)'/.exec(String(req.headers["content-security-policy"] ?? ""))?.[1] ?? null;

/**
 * Renders through Next while keeping a copy of what it wrote. Resolves with the page when it is
 * a guest's plain 200 HTML page that can be replayed to other guests; rejects otherwise (an
 * error page, a redirect, a cookie set for this one reader), so nothing is stored.
 */
function renderAndKeep(req: IncomingMessage, res: ServerResponse, render: RenderPage): Promise<CachedPage> {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  return new Promise<CachedPage>((resolve, reject) => {
    res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
      keep(chunk, encoding);
      return write(chunk, encoding, cb);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
      keep(chunk, encoding);
      const result = end(chunk, encoding, cb);
      const nonce = nonceOf(req);
      const type = String(res.getHeader("content-type") ?? "");
      const replayable =
        res.statusCode === 200 && type.startsWith("text/html") && res.getHeader("set-cookie") === undefined && res.getHeader("content-encoding") === undefined;
      if (!replayable || !nonce) reject(new Error("not a replayable page"));
      else {
        const unslot = (value: string) => value.replaceAll(nonce, NONCE_SLOT);
        const headers = Object.entries(res.getHeaders() as OutgoingHttpHeaders)
          .filter(([name, value]) => value !== undefined && !PER_RESPONSE.has(name))
          .map(([name, value]) => [name, Array.isArray(value) ? value.map(unslot) : unslot(String(value))] as [string, string | string[]]);
        resolve({ html: unslot(Buffer.concat(chunks).toString("utf8")), headers });
      }
      return result;
    }) as typeof res.end;
    // A response that closes before Next ended it (the reader went away) leaves nothing to keep.
    res.once("close", () => reject(new Error("closed before the end")));
    render(req, res).catch(reject);
  });
}

async function replay(req: IncomingMessage, res: ServerResponse, page: CachedPage, gzip: boolean): Promise<boolean> {
  const nonce = nonceOf(req);
  if (!nonce) return false;
  const slot = (value: string) => value.replaceAll(NONCE_SLOT, nonce);
  const html = Buffer.from(slot(page.html));
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

/**
 * Guests' post, category and home pages rendered once and replayed from the read model
 * (server/readmodel/): the same entries, tags and invalidation as the shared JSON reads, so
 * the after-commit event that changes a post drops its page on every node before any socket
 * there hears of it. Each replay carries this response's own CSP nonce. Signed-in readers,
 * other pages, client navigations and anything but a plain 200 render go straight to Next.
 */
export function createPageCache(readModel: ReadModel, render: RenderPage): RenderPage {
  return async (req, res) => {
    const guest = guestPage(req);
    if (!guest) return render(req, res);
    // Next renders the stored copy uncompressed; replays compress it for readers that accept gzip.
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    delete req.headers["accept-encoding"];
    let rendered = false;
    let page: CachedPage;
    try {
      page = await readModel.read(
        guest.key,
        guest.tags,
        () => {
          rendered = true;
          return renderAndKeep(req, res, render);
        },
        // Never sent as JSON: kept as the HTML string alone, two bytes a character.
        { json: false, bytes: (p) => 2 * (p.html.length + JSON.stringify(p.headers).length) },
      );
    } catch {
      // This request's own render failed to be replayable (it already answered), or the one it
      // waited for did: then render this one.
      if (!rendered) await render(req, res);
      return;
    }
    if (rendered) return;
    if (!(await replay(req, res, page, gzip))) await render(req, res);
  };
}
