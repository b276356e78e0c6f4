import { randomUUID } from "node:crypto";
import { userRefSelect } from "../users/user-ref";
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
  author: { select: userRefSelect },
  replyTo: { select: { id: true, seq: true, author: { select: userRefSelect } } },
} as const;

export type CommentRow = CommentGetPayload<{ select: typeof commentSelect }>;

/** A notification the comment's transaction wrote: one emit to `user:<userId>` follows commit. */
export interface NotifiedMember {
  id: string;
  userId: string;
  kind: "REPLY" | "MENTION" | "WATCHED_COMMENT";
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
     * One statement, so one short implicit transaction and the write's only round trip: take
     * the next seq by bumping the post row (its lock is held to commit, so seqs commit in order
     * with no gaps), insert the comment, move the author's read position to it, drop their
     * draft for this post, and notify in the same statement (one INSERT … SELECT, however many
     * watch the post): each member at most once, with the most specific kind (REPLY, then
     * MENTION, then WATCHED_COMMENT), nobody who muted the post (or its category without a
     * level of their own on the post), never the author.
     *
     * The post must exist, not be deleted, and (unless `staff`) be neither hidden nor locked,
     * and the author must not have posted the same body there since `duplicateSince`: checked
     * under the post's row lock, so two sends of the same words cannot both pass. Returns null
     * when any of that refuses (the caller works out which); a clientId the author already
     * used raises the unique violation, and the whole statement, post bump included, is undone.
     */
    async insert(input: {
      postId: string;
      author: { id: string; username: string; avatarKey: string | null };
      body: string;
      bodyHtml: string;
      clientId?: string;
      /** Staff may comment on locked and hidden posts. */
      staff: boolean;
      duplicateSince: Date;
      replyTo: CommentRow["replyTo"];
      /** Ids of the members @mentioned in the body. */
      mentioned: string[];
      excerpt: string;
      draftKey: string;
    }) {
      const id = randomUUID();
      const rows = await db.$queryRaw<{ seq: number; createdAt: Date; postTitle: string; notified: NotifiedMember[] }[]>`
        WITH bumped AS (
          UPDATE "Post" p SET "lastSeq" = "lastSeq" + 1, "commentCount" = "commentCount" + 1, "lastActivityAt" = now()
          WHERE p."id" = ${input.postId}::uuid AND p."deletedAt" IS NULL AND (${input.staff} OR NOT (p."locked" OR p."hidden"))
            AND NOT EXISTS (
              SELECT 1 FROM "Comment" c
              WHERE c."authorId" = ${input.author.id}::uuid AND c."postId" = p."id" AND c."body" = ${input.body}
                AND c."deletedAt" IS NULL AND c."createdAt" >= ${input.duplicateSince.toISOString()}::timestamp)
          RETURNING p."lastSeq", p."authorId", p."categoryId", p."title"
        ), inserted AS (
          INSERT INTO "Comment" ("id", "postId", "authorId", "seq", "body", "bodyHtml", "clientId", "replyToId")
          SELECT ${id}::uuid, ${input.postId}::uuid, ${input.author.id}::uuid, "lastSeq", ${input.body}, ${input.bodyHtml},
                 ${input.clientId ?? null}, ${input.replyTo?.id ?? null}::uuid
          FROM bumped
          RETURNING "seq", "createdAt"
        ), candidates AS (
          SELECT COALESCE(${input.replyTo?.author.id ?? null}::uuid, b."authorId") AS uid, 'REPLY' AS kind, 1 AS rank FROM bumped b
          UNION ALL
          SELECT m.uid, 'MENTION', 2 FROM unnest(${input.mentioned}::uuid[]) AS m(uid)
          UNION ALL
          SELECT w."userId", 'WATCHED_COMMENT', 3 FROM "Watch" w WHERE w."postId" = ${input.postId}::uuid AND w."level" = 'WATCHING'
        ), chosen AS (
          SELECT DISTINCT ON (c.uid) c.uid, c.kind
          FROM candidates c, bumped b
          WHERE c.uid <> ${input.author.id}::uuid
            AND NOT EXISTS (
              SELECT 1 FROM "Watch" w WHERE w."userId" = c.uid AND w."postId" = ${input.postId}::uuid AND w."level" = 'MUTED')
            AND NOT (
              EXISTS (SELECT 1 FROM "Watch" w WHERE w."userId" = c.uid AND w."categoryId" = b."categoryId" AND w."level" = 'MUTED')
              AND NOT EXISTS (SELECT 1 FROM "Watch" w WHERE w."userId" = c.uid AND w."postId" = ${input.postId}::uuid))
          ORDER BY c.uid, c.rank
        ), notified AS (
          INSERT INTO "Notification" ("id", "userId", "actorId", "kind", "postId", "commentId", "excerpt", "createdAt")
          SELECT gen_random_uuid(), ch.uid, ${input.author.id}::uuid, ch.kind::"NotificationKind", ${input.postId}::uuid, ${id}::uuid,
                 ${input.excerpt}, i."createdAt"
          FROM chosen ch, inserted i
          RETURNING "id", "userId", "kind"
        ), read AS (
          INSERT INTO "ReadPosition" ("userId", "postId", "readSeq", "updatedAt")
          SELECT ${input.author.id}::uuid, ${input.postId}::uuid, i."seq", now() FROM inserted i
          ON CONFLICT ("userId", "postId") DO UPDATE
            SET "readSeq" = GREATEST("ReadPosition"."readSeq", EXCLUDED."readSeq"), "updatedAt" = now()
        ), drafted AS (
          DELETE FROM "Draft" WHERE "userId" = ${input.author.id}::uuid AND "key" = ${input.draftKey} AND EXISTS (SELECT 1 FROM inserted)
        )
        SELECT i."seq", i."createdAt", (SELECT b."title" FROM bumped b) AS "postTitle",
               (SELECT COALESCE(json_agg(json_build_object('id', n."id", 'userId', n."userId", 'kind', n."kind")), '[]'::json) FROM notified n)
                 AS "notified"
        FROM inserted i`;
      if (rows.length === 0) return null;
      const { seq, createdAt, postTitle, notified } = rows[0];
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
        replyTo: input.replyTo,
      };
      return { comment, postTitle, notified };
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
