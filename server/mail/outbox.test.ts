import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { createDatabaseOn, freePort, type TestDatabase } from "@/test/harness";
import { migrate } from "@/server/db/migrate";
import { createDb, type Db } from "@/server/db/client";
import { createMailRepository } from "./mail.repository";
import { createOutbox, type Outbox } from "./outbox";
import { smtpTransport } from "./transport";
import { renderMail } from "./templates";

/**
 * The outbox against a real SMTP server (smtp-server) on a loopback port, in a database of its
 * own (the shared test node drains the shared one). Two outboxes on two connection pools stand
 * for two nodes draining the same table.
 */
let database: TestDatabase;
const dbs: Db[] = [];
const received: { messageId: string; to: string; subject: string; text: string; html: string }[] = [];
const refused = new Set<string>();
let smtp: SMTPServer;
let smtpUrl: string;
let refuseFirst: (to: string) => boolean = () => false;
const arrivals: (() => void)[] = [];

beforeAll(async () => {
  database = await createDatabaseOn(inject("databaseUrl"), "parley_outbox");
  await migrate(database.url);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuseFirst(address.address) && !refused.has(address.address)) {
        refused.add(address.address);
        const err = Object.assign(new Error("try again later"), { responseCode: 451 });
        return callback(err);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0].text : (mail.to?.text ?? "");
          received.push({
            messageId: mail.messageId ?? "",
            to,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
          });
          arrivals.splice(0).forEach((f) => f());
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${port}`;
});

afterAll(async () => {
  await Promise.all(dbs.map((db) => db.$disconnect()));
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await database?.stop();
});

function node(opts: { retryBaseMs?: number } = {}): { outbox: Outbox; repo: ReturnType<typeof createMailRepository> } {
  const db = createDb(database.url, 3);
  dbs.push(db);
  const repo = createMailRepository(db);
  const outbox = createOutbox({
    repo,
    transport: smtpTransport(smtpUrl),
    from: "Parley <no-reply@parley.test>",
    log: { warn: () => {}, error: () => {} },
    pollMs: 50,
    retryBaseMs: opts.retryBaseMs ?? 100,
  });
  return { outbox, repo };
}

/** Resolves once `count` messages to addresses matching `tag` have arrived. */
function arrived(tag: string, count: number, ms = 20_000): Promise<void> {
  const done = () => received.filter((r) => r.to.includes(tag)).length >= count;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${received.filter((r) => r.to.includes(tag)).length} of ${count} arrived`)), ms);
    const check = () => (done() ? (clearTimeout(timer), resolve()) : arrivals.push(check));
    check();
  });
}

const mail = () =>
  renderMail({ kind: "verifyEmail", username: "ada", link: "http://127.0.0.1/verify-email?token=x" }, "en", { forum: "Parley", origin: "http://127.0.0.1" });

describe("mail outbox", () => {
  it("delivers a queued message over SMTP, with text and HTML parts from one template", async () => {
    const a = node();
    await a.repo.enqueue("one@deliver.test", mail());
    a.outbox.start();
    await arrived("deliver.test", 1);
    await a.outbox.stop();
    const got = received.find((r) => r.to.includes("one@deliver.test"))!;
    expect(got.subject).toBe("Confirm your email for Parley");
    expect(got.text).toContain("http://127.0.0.1/verify-email?token=x");
    expect(got.html).toContain('href="http://127.0.0.1/verify-email?token=x"');
  });

  it("retries a message the server refused once, and sends it exactly once", async () => {
    refuseFirst = (to) => to.endsWith("@retry.test");
    const a = node({ retryBaseMs: 100 });
    const id = await a.repo.enqueue("flaky@retry.test", mail());
    a.outbox.start();
    await arrived("retry.test", 1);
    await a.outbox.stop();
    expect(refused.has("flaky@retry.test")).toBe(true);
    expect(received.filter((r) => r.to.includes("flaky@retry.test"))).toHaveLength(1);
    const rows = await dbs[0].$queryRaw<{ attempts: number; sentAt: Date | null; text: string }[]>`
      SELECT attempts, "sentAt", text FROM "MailOutbox" WHERE id = ${id}::uuid`;
    expect(rows[0]).toMatchObject({ attempts: 2, text: "" });
    expect(rows[0].sentAt).not.toBeNull();
  });

  it("two nodes draining one outbox send every message once", async () => {
    const n = 30;
    for (let i = 0; i < n; i++) await node().repo.enqueue(`m${i}@pair.test`, mail());
    const [a, b] = [node(), node()];
    a.outbox.start();
    b.outbox.start();
    await Promise.all([a.outbox.poke(), b.outbox.poke(), a.outbox.poke(), b.outbox.poke()]);
    await arrived("pair.test", n);
    await Promise.all([a.outbox.stop(), b.outbox.stop()]);
    const pair = received.filter((r) => r.to.includes("pair.test"));
    expect(pair).toHaveLength(n);
    expect(new Set(pair.map((r) => r.messageId)).size).toBe(n);
    expect(new Set(pair.map((r) => r.to)).size).toBe(n);
  });

  it("mail queued while no node runs goes out when one starts (the outbox survives a restart)", async () => {
    const first = node();
    first.outbox.start();
    await first.outbox.stop();
    await first.repo.enqueue("later@restart.test", mail());
    const second = node();
    second.outbox.start();
    await arrived("restart.test", 1);
    await second.outbox.stop();
  });
});
