-- Usernames are unique whatever their case: the column becomes citext (a trusted extension,
-- so a database owner may install it), its unique index then compares case-insensitively,
-- and `username = $1` is an exact, case-insensitive match with no LIKE wildcards.
CREATE EXTENSION IF NOT EXISTS citext;

-- Accounts registered before this migration may differ only in case ("Ann" and "ann"). The
-- oldest keeps its name; each later one is renamed to <name>-<first 6 of its id>, and every
-- rename is reported (a WARNING in the migration's output), so an operator can tell them.
DO $$
DECLARE
  clash RECORD;
BEGIN
  FOR clash IN
    SELECT id, username, lower(username) AS folded
    FROM (
      SELECT id, username, row_number() OVER (PARTITION BY lower(username) ORDER BY "createdAt", id) AS n
      FROM "User"
    ) ranked
    WHERE n > 1
  LOOP
    UPDATE "User" SET username = left(clash.username, 25) || '-' || left(clash.id::text, 6) WHERE id = clash.id;
    RAISE WARNING 'username % clashes with another account''s name when case is ignored: renamed to %',
      clash.username, left(clash.username, 25) || '-' || left(clash.id::text, 6);
  END LOOP;
END $$;

ALTER TABLE "User" ALTER COLUMN "username" SET DATA TYPE CITEXT;

-- The rank of whoever set the ban in force: only that rank or a higher one may lift or shorten it.
ALTER TABLE "User" ADD COLUMN "bannedByRole" "Role";
