-- Full-text search (server/search/). Everything search owns lives in its own PostgreSQL schema,
-- "search", outside Prisma's "public": one tsvector per post (title weight A, body B) and per
-- comment (body B), kept in step by triggers in the same transaction as the write, with GIN
-- indexes. Moving search to a dedicated engine is `DROP SCHEMA search CASCADE` plus a new
-- server/search/ implementation (see the README).
CREATE SCHEMA IF NOT EXISTS search;

-- Chinese, Japanese and Korean have no spaces between words, and PostgreSQL's parser reads a
-- whole run of them as one "word". Like Lucene's CJK analyzer, index each run as overlapping
-- bigrams ("消息推送" -> "消息 息推 推送"; a one-character run stays a unigram), so a query's
-- bigrams, in order, find the word anywhere inside the run. The ranges: CJK punctuation-free
-- Han (Ext A, URO, compatibility, Ext B+), Hiragana, Katakana (and half-width), Hangul.
CREATE FUNCTION search.cjk_class() RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT '[\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\U00020000-\U0002fa1f]+'
$$;

CREATE FUNCTION search.cjk_bigrams(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
    CASE WHEN length(m[1]) = 1 THEN m[1]
         ELSE (SELECT string_agg(substr(m[1], i, 2), ' ' ORDER BY i) FROM generate_series(1, length(m[1]) - 1) AS i)
    END, ' '), '')
  FROM regexp_matches(t, search.cjk_class(), 'g') AS m
$$;

-- The text with its CJK runs blanked out: what the English configuration (stems) reads.
CREATE FUNCTION search.non_cjk(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(t, search.cjk_class(), ' ', 'g')
$$;

CREATE FUNCTION search.vector(t text, weight "char") RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, search.non_cjk(t)), weight)
      || setweight(to_tsvector('simple'::regconfig, search.cjk_bigrams(t)), weight)
$$;

CREATE TABLE search."PostDocument" (
    "postId" UUID NOT NULL PRIMARY KEY REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "vector" TSVECTOR NOT NULL
);
CREATE INDEX "PostDocument_vector_idx" ON search."PostDocument" USING GIN ("vector");

CREATE TABLE search."CommentDocument" (
    "commentId" UUID NOT NULL PRIMARY KEY REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "vector" TSVECTOR NOT NULL
);
CREATE INDEX "CommentDocument_vector_idx" ON search."CommentDocument" USING GIN ("vector");

CREATE FUNCTION search.post_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search."PostDocument" ("postId", "vector")
  VALUES (NEW."id", search.vector(NEW."title", 'A') || search.vector(NEW."body", 'B'))
  ON CONFLICT ("postId") DO UPDATE SET "vector" = EXCLUDED."vector";
  RETURN NULL;
END $$;

CREATE FUNCTION search.comment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search."CommentDocument" ("commentId", "vector")
  VALUES (NEW."id", search.vector(NEW."body", 'B'))
  ON CONFLICT ("commentId") DO UPDATE SET "vector" = EXCLUDED."vector";
  RETURN NULL;
END $$;

CREATE TRIGGER "Post_search" AFTER INSERT OR UPDATE OF "title", "body" ON "Post"
  FOR EACH ROW EXECUTE FUNCTION search.post_changed();
CREATE TRIGGER "Comment_search" AFTER INSERT OR UPDATE OF "body" ON "Comment"
  FOR EACH ROW EXECUTE FUNCTION search.comment_changed();

-- What was written before search existed.
INSERT INTO search."PostDocument" ("postId", "vector")
  SELECT "id", search.vector("title", 'A') || search.vector("body", 'B') FROM "Post";
INSERT INTO search."CommentDocument" ("commentId", "vector")
  SELECT "id", search.vector("body", 'B') FROM "Comment";
