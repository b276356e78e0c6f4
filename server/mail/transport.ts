import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Logger } from "pino";

export interface OutgoingMail {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string> | null;
}

/** Hands one message to the world; throws when it was not accepted (the outbox retries). */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

const message = (m: OutgoingMail) => ({
  from: m.from,
  to: m.to,
  subject: m.subject,
  text: m.text,
  html: m.html,
  headers: m.headers ?? undefined,
  messageId: `<${m.id}@${m.from.replace(/.*@/, "").replace(/>.*/, "")}>`,
});

/** SMTP through nodemailer (one pooled connection per node). */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transporter.sendMail(message(mail));
    },
    close: () => transporter.close(),
  };
}

/**
 * No SMTP server: each message becomes an RFC 822 file `<dir>/<time>-<id>.eml` (any mail
 * client opens it; it is plain text, so `cat` works too) and one log line says where.
 */
export function fileTransport(dir: string, log: Pick<Logger, "info">): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const info = await transporter.sendMail(message(mail));
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.id}.eml`);
      await writeFile(file, info.message as Buffer);
      log.info({ to: mail.to, subject: mail.subject, file }, "mail written");
    },
    close() {},
  };
}
