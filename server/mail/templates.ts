import { createTranslator } from "use-intl/core";
import { catalogue, DEFAULT_LOCALE, isLocale } from "../i18n/locales";
import { renderNotifyMail, type NotifyMail } from "./notify-template";

/**
 * Every message Parley mails, one template each: the subject, a greeting, paragraphs, one
 * action link and a footer, all from the recipient's catalogue (namespace "mail"), rendered
 * once as plain text and once as HTML so the two parts always say the same thing.
 */
export type MailTemplate =
  | { kind: "verifyEmail"; username: string; link: string }
  | { kind: "resetPassword"; username: string; link: string }
  | { kind: "passwordChanged"; username: string; link: string }
  | NotifyMail;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface MailContext {
  forum: string;
  /** The public origin (NEXTAUTH_URL): links in mail are absolute. */
  origin: string;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export type MailTranslator = (key: string, values?: Record<string, string | number>) => string;

/** The recipient's language and a translator over its "mail" namespace. */
export function mailTranslator(locale: string | null | undefined): { lang: string; t: MailTranslator } {
  const lang = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const t = createTranslator({ locale: lang, messages: catalogue(lang) as never, namespace: "mail" as never }) as unknown as MailTranslator;
  return { lang, t };
}

export const escapeHtml = escape;

/** The HTML frame every mail shares: the forum's name on top, the content, the footer. */
export function mailHtml(p: { lang: string; subject: string; forum: string; content: string; footer: string }): string {
  return `<!doctype html>
<html lang="${escape(p.lang)}"><head><meta charset="utf-8"><title>${escape(p.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,'PingFang SC','Microsoft YaHei',sans-serif;color:#18181b">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;background:#ffffff;border:1px solid #e4e4e7;border-radius:12px">
<tr><td style="padding:24px 28px 8px;font-size:18px;font-weight:700">${escape(p.forum)}</td></tr>
<tr><td style="padding:8px 28px;font-size:15px;line-height:1.6">
${p.content}
</td></tr>
<tr><td style="padding:12px 28px 24px;font-size:12px;color:#71717a;border-top:1px solid #f4f4f5">${p.footer}</td></tr>
</table></td></tr></table>
</body></html>
`;
}

/** The call-to-action button and, under it, the same link written out. */
export function actionHtml(label: string, href: string): string {
  return `<p style="margin:0 0 20px"><a href="${escape(href)}" style="display:inline-block;background:#4f46e5;color:#ffffff;text-decoration:none;font-weight:600;padding:10px 18px;border-radius:8px">${escape(label)}</a></p>
<p style="margin:0 0 12px;font-size:13px;color:#52525b;word-break:break-all">${escape(href)}</p>`;
}

export function renderMail(template: MailTemplate, locale: string | null | undefined, ctx: MailContext): RenderedMail {
  if (template.kind === "notify") return renderNotifyMail(template, locale, ctx);
  const { lang, t } = mailTranslator(locale);
  const k = template.kind;
  const values = { forum: ctx.forum, username: template.username };
  const subject = t(`${k}.subject`, values);
  const paragraphs = [t(`${k}.intro`, values), t(`${k}.note`, values)];
  const action = { label: t(`${k}.action`, values), href: template.link };
  const greeting = t("greeting", values);
  const footer = t("footer", { ...values, origin: ctx.origin });

  const text = [greeting, "", paragraphs[0], "", `${action.label}:`, action.href, "", paragraphs[1], "", "--", footer, ""].join("\n");
  const content = `<p style="margin:0 0 12px">${escape(greeting)}</p>
<p style="margin:0 0 20px">${escape(paragraphs[0])}</p>
${actionHtml(action.label, action.href)}
<p style="margin:0 0 12px;font-size:13px;color:#52525b">${escape(paragraphs[1])}</p>`;
  return { subject, text, html: mailHtml({ lang, subject, forum: ctx.forum, content, footer: escape(footer) }) };
}
