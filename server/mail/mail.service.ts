import type { MailRepository } from "./mail.repository";
import { renderMail, type MailContext, type MailTemplate } from "./templates";

export interface MailDeps {
  repo: MailRepository;
  context: MailContext;
  /** Called after a message was queued (the node's outbox sends it soon after). */
  queued?(): void;
}

/** Queues mail: rendered in the recipient's language, written to the outbox, sent by the node. */
export function createMailService({ repo, context, queued }: MailDeps) {
  return {
    context,
    async send(to: string, locale: string | null, template: MailTemplate) {
      const id = await repo.enqueue(to, renderMail(template, locale, context));
      queued?.();
      return id;
    },
    /** An absolute link to a page of the forum. */
    link: (pathAndQuery: string) => new URL(pathAndQuery, context.origin).toString(),
  };
}

export type MailService = ReturnType<typeof createMailService>;
