import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { freePort, signedUpClient, startDatabase, startNode, type RunningNode, type TestDatabase } from "@/test/harness";
import { expectOk } from "@/test/expect";

/**
 * Notification mail end to end: a production node mails through a real SMTP server (smtp-server
 * on a loopback port); what arrives is parsed by mailparser. The node has a database of its
 * own: on the run's shared one it would mail every other test's notifications too, and the
 * mail these tests wait for would queue behind them.
 */
let database: TestDatabase;
const received: ParsedMail[] = [];
const waiters: (() => void)[] = [];
let smtp: SMTPServer;
let node: RunningNode;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          waiters.splice(0).forEach((f) => f());
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
  database = await startDatabase();
  node = await startNode({
    databaseUrl: database.url,
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, NOTIFY_MAIL_DELAY_MS: "1500", NOTIFY_MAIL_POLL_MS: "200", MAIL_POLL_MS: "200", FORUM_NAME: "Parley Test Forum" },
  });
}, 60_000);

afterAll(async () => {
  await node?.stop();
  await database?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(",") : (mail.to?.text ?? "")).toLowerCase();
const mailsTo = (email: string) => received.filter((m) => to(m).includes(email.toLowerCase()) && /notification/i.test(m.subject ?? ""));

/** Resolves with the first notification mail to `email`, watching arrivals rather than sleeping. */
function mailFor(email: string, ms = 20_000): Promise<ParsedMail> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no notification mail to ${email} within ${ms} ms`)), ms);
    const check = () => {
      const found = mailsTo(email)[0];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      } else waiters.push(check);
    };
    check();
  });
}

async function replyTo(author: Awaited<ReturnType<typeof signedUpClient>>, title: string) {
  const post = await author.post("/api/v1/posts", { categorySlug: "general", title, body: "What do you think?" });
  expectOk(post, 201);
  const replier = await signedUpClient(node.origin, "replier");
  expectOk(await replier.post(`/api/v1/posts/${post.json.post.id}/comments`, { body: `An answer to ${title}` }), 201);
  return { postId: post.json.post.id as string, replier };
}

describe("notification mail", () => {
  it("an unread reply is mailed with List-Unsubscribe (RFC 8058) and a body link; the one-click POST turns mail off", async () => {
    const author = await signedUpClient(node.origin, "mailme");
    const { postId, replier } = await replyTo(author, "Mailed thread");
    const mail = await mailFor(author.me.email);

    expect(mail.subject).toMatch(/1 new notification on Parley Test Forum/);
    expect(mail.text).toContain(`${replier.me.user.username} replied in “Mailed thread”`);
    expect(mail.text).toContain(`${node.origin}/p/${postId}#comment-`);
    expect(mail.html).toContain("Parley Test Forum");
    // mailparser gathers List-* headers under "list"; the raw lines say exactly what was sent.
    const raw = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "");
    expect(raw("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const list = mail.headers.get("list") as { unsubscribe?: { url?: string } };
    const oneClick = list.unsubscribe!.url!;
    expect(raw("list-unsubscribe")).toBe(`<${oneClick}>`);
    expect(oneClick).toMatch(new RegExp(`^${node.origin}/api/v1/unsubscribe/[0-9a-f-]{36}\\.[A-Za-z0-9_-]+$`));
    const bodyLink = mail.text!.match(/https?:\/\/\S+\/unsubscribe\/\S+/)?.[0];
    expect(bodyLink).toBe(oneClick.replace("/api/v1/unsubscribe/", "/unsubscribe/"));

    // What a mail client does: a POST of the form body, from no page of ours, without cookies.
    const res = await fetch(oneClick, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(204);
    expect((await author.get("/api/v1/me/preferences")).json).toEqual({ emailNotifications: false });
    const forged = oneClick.replace(/\.[A-Za-z0-9_-]+$/, ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect((await fetch(forged, { method: "POST", body: "List-Unsubscribe=One-Click" })).status).toBe(400);
  });

  it("no mail when the preference is off or the notification was read in time", async () => {
    const off = await signedUpClient(node.origin, "mailoff");
    expectOk(await off.patch("/api/v1/me/preferences", { emailNotifications: false }));
    await replyTo(off, "Nobody mails me");

    const reader = await signedUpClient(node.origin, "quickreader");
    await replyTo(reader, "I read it at once");
    expectOk(await reader.post("/api/v1/notifications/read", { all: true }));

    // A later notification is mailed after both earlier ones were looked at (oldest first).
    const barrier = await signedUpClient(node.origin, "barrier");
    await replyTo(barrier, "Barrier thread");
    await mailFor(barrier.me.email);
    expect(mailsTo(off.me.email)).toEqual([]);
    expect(mailsTo(reader.me.email)).toEqual([]);
  });

  it("a deleted account gets no mail", async () => {
    const gone = await signedUpClient(node.origin, "gonemail");
    await replyTo(gone, "Then I left");
    expectOk(await gone.request("DELETE", "/api/v1/me", { password: gone.me.password }), 204);
    const barrier = await signedUpClient(node.origin, "barrier2");
    await replyTo(barrier, "Barrier after leaving");
    await mailFor(barrier.me.email);
    expect(mailsTo(gone.me.email)).toEqual([]);
  });
});
