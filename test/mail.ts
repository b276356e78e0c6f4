import { watch } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";

export interface ReadMail {
  file: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  /** Every http(s) link in the plain-text part, in order. */
  links: string[];
}

async function parse(file: string): Promise<ReadMail> {
  const parsed = await simpleParser(await readFile(file));
  const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : (parsed.to?.text ?? "");
  const text = parsed.text ?? "";
  return {
    file,
    to,
    subject: parsed.subject ?? "",
    text,
    html: typeof parsed.html === "string" ? parsed.html : "",
    headers: parsed.headers,
    links: text.match(/https?:\/\/\S+/g) ?? [],
  };
}

/** Every .eml in `dir` addressed to `to` (case-insensitive), oldest first. */
export async function mailsTo(dir: string, to: string): Promise<ReadMail[]> {
  await mkdir(dir, { recursive: true });
  const files = (await readdir(dir)).filter((f) => f.endsWith(".eml")).sort();
  const mails = await Promise.all(files.map((f) => parse(path.join(dir, f))));
  return mails.filter((m) => m.to.toLowerCase().includes(to.toLowerCase()));
}

/**
 * Resolves with the `n`-th mail (1-based) to `to` once a node wrote it to `dir`, watching the
 * directory rather than sleeping; rejects after `ms` saying what arrived.
 */
export async function waitForMail(dir: string, to: string, { n = 1, ms = 15_000, subject }: { n?: number; ms?: number; subject?: RegExp } = {}) {
  await mkdir(dir, { recursive: true });
  const pick = async () => {
    const mails = (await mailsTo(dir, to)).filter((m) => !subject || subject.test(m.subject));
    return mails.length >= n ? mails[n - 1] : undefined;
  };
  return new Promise<ReadMail>((resolve, reject) => {
    let done = false;
    const finish = (err: Error | null, mail?: ReadMail) => {
      if (done) return;
      done = true;
      watcher.close();
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(mail!);
    };
    const check = () => void pick().then((m) => m && finish(null, m), () => {});
    const watcher = watch(dir, check);
    const timer = setTimeout(
      () => void mailsTo(dir, to).then((all) => finish(new Error(`no mail #${n} to ${to} within ${ms} ms; got: ${all.map((m) => m.subject).join(" | ")}`))),
      ms,
    );
    check();
  });
}

/** The token in a mailed link to `page` (e.g. "/reset-password"). */
export function tokenFrom(mail: ReadMail, page: string): string {
  const link = mail.links.find((l) => new URL(l).pathname === page);
  if (!link) throw new Error(`no ${page} link in "${mail.subject}": ${mail.text}`);
  return new URL(link).searchParams.get("token")!;
}
