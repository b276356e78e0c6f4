import { actionHtml, escapeHtml as escape, mailHtml, mailTranslator, type MailContext, type RenderedMail } from "./templates";

/** One notification as a mail lists it. `actor` is null for a deleted member. */
export interface NotifyItem {
  kind: "REPLY" | "MENTION" | "WATCHED_COMMENT" | "WATCHED_POST";
  actor: string | null;
  title: string;
  excerpt: string;
  link: string;
}

/**
 * Notifications a member has not seen, in one mail. Every such mail can be turned off in one
 * click: `unsubscribe` goes in the body and, with RFC 8058's one-click POST, in the headers.
 */
export interface NotifyMail {
  kind: "notify";
  username: string;
  items: NotifyItem[];
  /** The notifications page. */
  link: string;
  /** The unsubscribe page (body link, GET). */
  unsubscribePage: string;
  /** The one-click endpoint (List-Unsubscribe, POST). */
  unsubscribePost: string;
}

export function renderNotifyMail(m: NotifyMail, locale: string | null | undefined, ctx: MailContext): RenderedMail {
  const { lang, t } = mailTranslator(locale);
  const values = { forum: ctx.forum, username: m.username };
  const subject = t("notify.subject", { ...values, count: m.items.length });
  const greeting = t("greeting", values);
  const intro = t("notify.intro", { ...values, count: m.items.length });
  const action = t("notify.action", values);
  const why = t("notify.why", values);
  const unsubscribe = t("notify.unsubscribe", values);
  const line = (i: NotifyItem) => t(`notify.item.${i.kind}`, { actor: i.actor ?? t("notify.deletedMember"), title: i.title || "…" });

  const text = [
    greeting,
    "",
    intro,
    "",
    ...m.items.flatMap((i) => [`* ${line(i)}`, ...(i.excerpt ? [`  "${i.excerpt}"`] : []), `  ${i.link}`, ""]),
    `${action}:`,
    m.link,
    "",
    "--",
    why,
    `${unsubscribe}: ${m.unsubscribePage}`,
    "",
  ].join("\n");
  const items = m.items
    .map(
      (i) => `<li style="margin:0 0 14px"><a href="${escape(i.link)}" style="color:#4338ca;font-weight:600;text-decoration:none">${escape(line(i))}</a>${
        i.excerpt ? `<br><span style="color:#52525b;font-size:14px">${escape(i.excerpt)}</span>` : ""
      }</li>`,
    )
    .join("\n");
  const content = `<p style="margin:0 0 12px">${escape(greeting)}</p>
<p style="margin:0 0 16px">${escape(intro)}</p>
<ul style="margin:0 0 20px;padding-left:18px">
${items}
</ul>
${actionHtml(action, m.link)}`;
  const footer = `${escape(why)}<br><a href="${escape(m.unsubscribePage)}" style="color:#71717a">${escape(unsubscribe)}</a>`;
  return {
    subject,
    text,
    html: mailHtml({ lang, subject, forum: ctx.forum, content, footer }),
    headers: {
      "List-Unsubscribe": `<${m.unsubscribePost}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
