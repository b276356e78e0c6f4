import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { useServer } from "@/test/context";
import type { Client } from "@/test/harness";
import { expectError, expectOk, expectValidation } from "@/test/expect";
import { animatedGif, jpegWithExif, png, pngBomb } from "@/test/images";

const server = useServer();

const upload = (client: Client, bytes: Uint8Array, type = "image/png", opts: { origin?: string | null } = {}) =>
  client.request("PUT", "/api/v1/me/avatar", undefined, { rawBody: bytes, headers: { "content-type": type }, ...opts });

async function fetchAvatar(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.origin + url, { headers });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe("PATCH /api/v1/me", () => {
  it("sets bio and language, and /me shows them", async () => {
    const alice = await server.member("bio");
    const res = await alice.patch("/api/v1/me", { bio: "  Likes <b>tea</b>\r\nand trains  ", locale: "zh-CN" });
    expectOk(res);
    // Plain text: kept as written (pages print it as text), trimmed, newlines normalised.
    expect(res.json.user).toMatchObject({ bio: "Likes <b>tea</b>\nand trains", locale: "zh-CN", avatarUrl: null });
    expect((await alice.get("/api/v1/me")).json.user).toMatchObject({ bio: "Likes <b>tea</b>\nand trains", locale: "zh-CN" });
    // Only the fields given change; null returns the language to the browser's choice.
    expect((await alice.patch("/api/v1/me", { locale: null })).json.user).toMatchObject({
      bio: "Likes <b>tea</b>\nand trains",
      locale: null,
    });
  });

  it("the stored language decides the page's language, over cookie and Accept-Language", async () => {
    const member = await server.member("lang");
    await member.patch("/api/v1/me", { locale: "zh-CN" });
    member.setCookie("parley-locale", "en");
    const page = await member.get("/", { headers: { "accept-language": "en-US" } });
    expect(page.text).toMatch(/<html lang="zh-CN"/);
    await member.patch("/api/v1/me", { locale: null });
    expect((await member.get("/", { headers: { "accept-language": "en-US" } })).text).toMatch(/<html lang="en"/);
  });

  it("400 VALIDATION_FAILED for a long bio, an unknown language, wrong types and unknown fields", async () => {
    const bob = await server.member("badbio");
    expectValidation(await bob.patch("/api/v1/me", { bio: "x".repeat(501) }), "bio");
    expectValidation(await bob.patch("/api/v1/me", { locale: "fr" }), "locale");
    expectValidation(await bob.patch("/api/v1/me", { bio: 5, locale: 1 }), "bio", "locale");
    expectValidation(await bob.patch("/api/v1/me", { username: "renamed" }), "body");
    expectOk(await bob.patch("/api/v1/me", { bio: "x".repeat(500) }));
    expectError(await bob.request("PATCH", "/api/v1/me", undefined, { rawBody: "{nope" }), 400, "BAD_JSON");
  });

  it("401 signed out; 403 from another origin", async () => {
    expectError(await server.anonymous().patch("/api/v1/me", { bio: "hi" }), 401, "UNAUTHENTICATED");
    const carol = await server.member("csrfbio");
    expectError(await carol.patch("/api/v1/me", { bio: "hi" }, { origin: "https://evil.example" }), 403, "FORBIDDEN");
    expect((await carol.get("/api/v1/me")).json.user.bio).toBe("");
  });

  it("a banned member may change their language but not their bio", async () => {
    const dan = await server.member("bannedbio");
    await server.db.ban(dan.me.user.id, "spam");
    expectError(await dan.patch("/api/v1/me", { bio: "buy now" }), 403, "FORBIDDEN");
    expectOk(await dan.patch("/api/v1/me", { locale: "zh-CN" }));
  });
});

describe("PUT /api/v1/me/avatar", () => {
  it("re-encodes to a 256 px square WebP without metadata, served immutable under its hash", async () => {
    const erin = await server.member("avatar");
    const original = await jpegWithExif();
    expect((await sharp(original).metadata()).exif).toBeDefined(); // the check below is not vacuous
    const res = await upload(erin, original, "image/jpeg");
    expectOk(res);
    const url: string = res.json.user.avatarUrl;
    expect(url).toMatch(/^\/api\/v1\/avatars\/[0-9a-f]{64}\.webp$/);
    expect((await erin.get("/api/v1/me")).json.user.avatarUrl).toBe(url);

    const { res: got, bytes } = await fetchAvatar(url);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/webp");
    expect(got.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const meta = await sharp(bytes).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: "webp", width: 256, height: 256 });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(bytes.includes("ParleyCam")).toBe(false);
    // Same URL, same bytes: a browser revalidating gets 304.
    expect((await fetchAvatar(url, { "if-none-match": got.headers.get("etag")! })).res.status).toBe(304);
  });

  it("shows the avatar wherever the member appears: posts, comments, profile, mentions", async () => {
    const fay = await server.member("everywhere");
    const url = (await upload(fay, await png(300, 200))).json.user.avatarUrl;
    const post = (await fay.post("/api/v1/posts", { categorySlug: "general", title: "Avatar post", body: "hello" })).json.post;
    expect(post.author).toEqual({ id: fay.me.user.id, username: fay.me.user.username, avatarUrl: url });
    const comment = (await fay.post(`/api/v1/posts/${post.id}/comments`, { body: "mine" })).json.comment;
    expect(comment.author.avatarUrl).toBe(url);
    const profile = await server.anonymous().get(`/api/v1/users/${fay.me.user.username}`);
    expect(profile.json.user.avatarUrl).toBe(url);
    const found = await server.anonymous().get(`/api/v1/users?prefix=${fay.me.user.username}`);
    expect(found.json.users[0]).toMatchObject({ username: fay.me.user.username, avatarUrl: url });
  });

  it("keeps only the first frame of an animated GIF", async () => {
    const gus = await server.member("gif");
    const gif = await animatedGif();
    expect((await sharp(gif).metadata()).pages).toBe(2);
    const res = await upload(gus, gif, "image/gif");
    expectOk(res);
    const { bytes } = await fetchAvatar(res.json.user.avatarUrl);
    const meta = await sharp(bytes).metadata();
    expect(meta.pages ?? 1).toBe(1);
    const { data } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200); // red: the first frame
    expect(data[2]).toBeLessThan(60);
  });

  it("413 PAYLOAD_TOO_LARGE over 5 MB, from Content-Length", async () => {
    const hal = await server.member("big");
    const res = await upload(hal, new Uint8Array(5 * 1024 * 1024 + 1), "image/png");
    expectError(res, 413, "PAYLOAD_TOO_LARGE");
    expect((await hal.get("/api/v1/me")).json.user.avatarUrl).toBeNull();
  });

  it("413 PAYLOAD_TOO_LARGE while streaming a body of no declared length, before it is all sent", async () => {
    const ivy = await server.member("stream");
    let sent = 0;
    const chunk = new Uint8Array(256 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 64 MB would be sent if the server read on; it must stop far earlier.
        if (sent >= 64 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${server.origin}/api/v1/me/avatar`, {
      method: "PUT",
      headers: { "content-type": "image/png", origin: server.origin, cookie: `next-auth.session-token=${ivy.sessionToken}` },
      body,
      duplex: "half",
    } as RequestInit).catch((err: Error) => err);
    if (res instanceof Error) {
      // The server may close the connection before fetch reads the answer; it still stopped reading early.
      expect(sent).toBeLessThan(32 * 1024 * 1024);
    } else {
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
      expect(sent).toBeLessThan(32 * 1024 * 1024);
    }
  });

  it("400 for bytes that are not an image, a type it does not take, an empty body and a decompression bomb", async () => {
    const jo = await server.member("notimage");
    expectValidation(await upload(jo, new TextEncoder().encode("definitely not a png"), "image/png"), "body");
    expectValidation(await upload(jo, await png(10, 10), "image/svg+xml"), "content-type");
    expectValidation(await upload(jo, await png(10, 10), "application/json"), "content-type");
    expectValidation(await upload(jo, new Uint8Array(0), "image/png"), "body");
    // SVG is refused even when labelled as PNG: only the four raster formats decode.
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expectValidation(await upload(jo, svg, "image/png"), "body");
    const bomb = await pngBomb();
    expect(bomb.length).toBeLessThan(200);
    const res = await upload(jo, bomb, "image/png");
    expectValidation(res, "body");
    expect(res.json.error.details[0].message).toMatch(/megapixels/);
    expect((await jo.get("/api/v1/me")).json.user.avatarUrl).toBeNull();
  });

  it("401 signed out; 403 from another origin", async () => {
    expectError(await upload(server.anonymous(), await png(10, 10)), 401, "UNAUTHENTICATED");
    const kim = await server.member("csrfavatar");
    expectError(await upload(kim, await png(10, 10), "image/png", { origin: "https://evil.example" }), 403, "FORBIDDEN");
    expect((await kim.get("/api/v1/me")).json.user.avatarUrl).toBeNull();
  });
});

describe("DELETE /api/v1/me/avatar", () => {
  it("204, back to initials; the stored image goes once nobody shows it", async () => {
    const lee = await server.member("rmavatar");
    const url = (await upload(lee, await png(50, 50, { r: 1, g: 2, b: 3 }))).json.user.avatarUrl;
    expectOk(await lee.delete("/api/v1/me/avatar"), 204);
    expect((await lee.get("/api/v1/me")).json.user.avatarUrl).toBeNull();
    expect((await fetchAvatar(url)).res.status).toBe(404);
    expectOk(await lee.delete("/api/v1/me/avatar"), 204);
    expectError(await server.anonymous().delete("/api/v1/me/avatar"), 401, "UNAUTHENTICATED");
  });

  it("keeps an image another member shows too (identical uploads share one object)", async () => {
    const [a, b] = await Promise.all([server.member("sharea"), server.member("shareb")]);
    const image = await png(40, 40, { r: 9, g: 9, b: 9 });
    const url = (await upload(a, image)).json.user.avatarUrl;
    expect((await upload(b, image)).json.user.avatarUrl).toBe(url);
    await a.delete("/api/v1/me/avatar");
    expect((await fetchAvatar(url)).res.status).toBe(200);
  });
});

describe("GET /api/v1/avatars/:file", () => {
  it("404 in the contract's shape for an unknown hash or a malformed name", async () => {
    for (const file of [`${"a".repeat(64)}.webp`, "..%2F..%2Fpackage.json", "x.webp", `${"a".repeat(64)}.png`]) {
      expectError(await server.anonymous().get(`/api/v1/avatars/${file}`), 404, "NOT_FOUND");
    }
  });
});
