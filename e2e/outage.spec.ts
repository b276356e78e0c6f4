import { expect, test } from "@playwright/test";
import { directDb, signedUpClient, SESSION_COOKIE, startNode, type RunningNode } from "../test/harness";
import { startStoppableDatabase, type StoppableDatabase } from "../test/stoppable-database";

/**
 * The composer through a database outage, on a node of its own whose PostgreSQL this test
 * stops and starts: the comment stays on screen as "reconnecting…" (not "something went
 * wrong"), is sent again with the same clientId by itself, and lands exactly once.
 */
let database: StoppableDatabase;
let node: RunningNode;

test.beforeAll(async () => {
  database = await startStoppableDatabase();
  node = await startNode({ databaseUrl: database.url });
});
test.afterAll(async () => {
  await node?.stop();
  await database?.stop();
});

test("a comment sent while the database is down says reconnecting…, then lands once", async ({ browser }) => {
  test.setTimeout(120_000);
  const api = await signedUpClient(node.origin, "patient");
  const post = (await api.post("/api/v1/posts", { categorySlug: "general", title: "Through an outage", body: "x" })).json.post;
  const context = await browser.newContext({ baseURL: node.origin });
  await context.addCookies([{ name: SESSION_COOKIE, value: api.sessionToken!, url: node.origin, httpOnly: true, sameSite: "Lax" }]);
  const page = await context.newPage();
  const sent: string[] = [];
  // Attempts go over the live socket (comment:create) while it is connected, over HTTP otherwise.
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith(`/api/v1/posts/${post.id}/comments`)) sent.push(r.postDataJSON().clientId);
  });
  page.on("websocket", (ws) =>
    ws.on("framesent", ({ payload }) => {
      const text = String(payload);
      if (!text.includes('"comment:create"')) return;
      const [, args] = JSON.parse(text.slice(text.indexOf("["))) as [string, { clientId: string }];
      sent.push(args.clientId);
    }),
  );
  await page.goto(`/p/${post.id}`);
  await page.waitForFunction(() => document.documentElement.dataset.live === "connected", undefined, { timeout: 15_000 });

  await database.pause();
  const text = "Written while the database was away";
  await page.getByLabel("Your comment").fill(text);
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  const pending = page.getByTestId("pending-comment").filter({ hasText: text });
  await expect(pending.getByText("reconnecting…")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/something went wrong/i)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);

  await database.resume();
  await expect(page.getByTestId("comment").filter({ hasText: text })).toHaveCount(1, { timeout: 30_000 });
  await expect(pending).toHaveCount(0);
  expect(sent.length).toBeGreaterThan(1);
  expect(new Set(sent).size, "every attempt carried the same clientId").toBe(1);
  const db = directDb(database.url);
  const { rows } = await db.query(`SELECT id FROM "Comment" WHERE "postId" = $1::uuid AND body = $2`, [post.id, text]);
  await db.close();
  expect(rows).toHaveLength(1);
  await context.close();
});
