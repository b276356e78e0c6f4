import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { CommentGetPayload } from "../db/generated/models";

export const commentSelect = {
  id: true,
  postId: true,
  seq: true,
  body: true,
  bodyHtml: true,
  clientId: true,
  hidden: true,
  deletedAt: true,
  createdAt: true,
  editedAt: true,
  author: { select: { id: true, username: true } },
} as const;

export type CommentRow = CommentGetPayload<{ select: typeof commentSelect }>;

export interface NewNotification {
  userId: string;
  kind: "REPLY" | "MENTION";
  excerpt: string;
}

export function createCommentsRepository(db: Db) {
  return {
    async findById(id: string) {
      return db.comment.findUnique({ where: { id }, select: commentSelect });
    },
    /** The same body from the same author on the same post since `since`, if any (deleted ones aside). */
    async findRecentDuplicate(authorId: string, postId: string, body: string, since: Date) {
      return db.comment.findFirst({ where: { authorId, postId, body, deletedAt: null, createdAt: { gte: since } }, select: { id: true } });
    },
    async findByClientId(authorId: string, clientId: string) {
      return db.comment.findUnique({ where: { authorId_clientId: { authorId, clientId } }, select: commentSelect });
    },
    async listAfter(postId: string, after: number, limit: number, staff: boolean) {
      return db.comment.findMany({
        where: { postId, seq: { gt: after }, deletedAt: null, ...(staff ? {} : { hidden: false }) },
        select: commentSelect,
        orderBy: { seq: "asc" },
        take: limit,
      });
    },
    /** Every comment with after < seq ≤ upTo that is not deleted, hidden ones included (the live lanes' gap reads). */
    async listRange(postId: string, after: number, upTo: number) {
      return db.comment.findMany({
        where: { postId, seq: { gt: after, lte: upTo }, deletedAt: null },
        select: commentSelect,
        orderBy: { seq: "asc" },
      });
    },
    async listByAuthor(authorId: string, limit: number) {
      return db.comment.findMany({
        where: { authorId, deletedAt: null, hidden: false, post: { deletedAt: null, hidden: false } },
        select: { ...commentSelect, post: { select: { title: true } } },
        orderBy: { createdAt: "desc" },
        take: limit,
      });
    },

    /**
     * One statement, so one short implicit transaction: take the next seq by bumping the post
     * row (its lock is held to commit, so seqs commit in order with no gaps), insert the
     * comment, and record its notifications. Returns null when the post cannot take comments.
     */
    async insert(input: {
      postId: string;
      author: { id: string; username: string };
      body: string;
      bodyHtml: string;
      clientId?: string;
      allowLocked: boolean;
      notifications: NewNotification[];
    }) {
      const id = randomUUID();
      const wanted = input.notifications.filter((n) => n.userId !== input.author.id).map((n) => ({ ...n, id: randomUUID() }));
      const rows = await db.$queryRaw<{ seq: number; createdAt: Date }[]>`
        WITH bumped AS (
          UPDATE "Post" SET "lastSeq" = "lastSeq" + 1, "commentCount" = "commentCount" + 1, "lastActivityAt" = now()
          WHERE "id" = ${input.postId}::uuid AND "deletedAt" IS NULL AND (${input.allowLocked} OR NOT "locked")
          RETURNING "lastSeq"
        ), inserted AS (
          INSERT INTO "Comment" ("id", "postId", "authorId", "seq", "body", "bodyHtml", "clientId")
          SELECT ${id}::uuid, ${input.postId}::uuid, ${input.author.id}::uuid, "lastSeq", ${input.body}, ${input.bodyHtml}, ${input.clientId ?? null}
          FROM bumped
          RETURNING "seq", "createdAt"
        ), notified AS (
          INSERT INTO "Notification" ("id", "userId", "actorId", "kind", "postId", "commentId", "excerpt", "createdAt")
          SELECT n.id, n.uid, ${input.author.id}::uuid, n.kind::"NotificationKind", ${input.postId}::uuid, ${id}::uuid, n.excerpt, i."createdAt"
          FROM inserted i,
               unnest(${wanted.map((n) => n.id)}::uuid[], ${wanted.map((n) => n.userId)}::uuid[], ${wanted.map((n) => n.kind)}::text[], ${wanted.map((n) => n.excerpt)}::text[])
                 AS n(id, uid, kind, excerpt)
        )
        SELECT "seq", "createdAt" FROM inserted`;
      if (rows.length === 0) return null;
      const { seq, createdAt } = rows[0];
      const comment: CommentRow = {
        id,
        postId: input.postId,
        seq,
        body: input.body,
        bodyHtml: input.bodyHtml,
        clientId: input.clientId ?? null,
        hidden: false,
        deletedAt: null,
        createdAt,
        editedAt: null,
        author: input.author,
      };
      return { comment, notifications: wanted.map((n) => ({ id: n.id, userId: n.userId, kind: n.kind, excerpt: n.excerpt, createdAt })) };
    },

    async update(id: string, data: { body?: string; bodyHtml?: string; editedAt?: Date; hidden?: boolean }) {
      return db.comment.update({ where: { id }, data, select: commentSelect });
    },

    /** Soft delete, keeping the post's count in step in the same transaction. */
    async softDelete(id: string, postId: string) {
      await db.$transaction([
        db.comment.update({ where: { id }, data: { deletedAt: new Date() } }),
        db.post.update({ where: { id: postId }, data: { commentCount: { decrement: 1 } } }),
      ]);
    },
  };
}

export type CommentsRepository = ReturnType<typeof createCommentsRepository>;
