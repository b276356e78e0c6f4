import type { Db } from "../db/client";
import type { ReactionKind } from "../dto";
import { effectiveLevel } from "../follow/follow.repository";
import type { MyReactions } from "./layer";

/** A member's own part of one post. */
export interface PostState {
  readSeq: number | null;
  watchLevel: ReturnType<typeof effectiveLevel>;
  /** Their reactions on the post and on any of its comments (also those past the first page). */
  mine: MyReactions;
}

export function createPersonalRepository(db: Db) {
  return {
    /** Whether the member muted a category (their home feed then leaves its posts out). */
    async mutesACategory(userId: string): Promise<boolean> {
      const row = await db.watch.findFirst({ where: { userId, categoryId: { not: null }, level: "MUTED" }, select: { userId: true } });
      return row !== null;
    },

    /** A member's read position, watch level and reactions in one post, in one statement; null when there is no such post. */
    async postState(userId: string, postId: string): Promise<PostState | null> {
      const [row] = await db.$queryRaw<
        { readSeq: number | null; postLevel: string | null; categoryLevel: string | null; reactions: [string, string, ReactionKind][] }[]
      >`
        SELECT
          (SELECT rp."readSeq" FROM "ReadPosition" rp WHERE rp."userId" = ${userId}::uuid AND rp."postId" = p."id") AS "readSeq",
          (SELECT w."level"::text FROM "Watch" w WHERE w."userId" = ${userId}::uuid AND w."postId" = p."id") AS "postLevel",
          (SELECT w."level"::text FROM "Watch" w WHERE w."userId" = ${userId}::uuid AND w."categoryId" = p."categoryId") AS "categoryLevel",
          (SELECT coalesce(json_agg(json_build_array(r."targetType", r."targetId", r.kind)), '[]'::json)
             FROM "Reaction" r
            WHERE r."userId" = ${userId}::uuid
              AND ((r."targetType" = 'POST' AND r."targetId" = p."id")
                OR (r."targetType" = 'COMMENT' AND r."targetId" IN (SELECT c."id" FROM "Comment" c WHERE c."postId" = p."id")))) AS reactions
        FROM "Post" p
        WHERE p."id" = ${postId}::uuid`;
      if (!row) return null;
      const mine: MyReactions = { post: null, comments: {} };
      for (const [type, id, kind] of row.reactions) {
        if (type === "POST") mine.post = kind;
        else mine.comments[id] = kind;
      }
      return { readSeq: row.readSeq, watchLevel: effectiveLevel(row.postLevel, row.categoryLevel), mine };
    },
  };
}

export type PersonalRepository = ReturnType<typeof createPersonalRepository>;
