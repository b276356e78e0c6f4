-- Every committed change to a member's row (role, ban, session version, name, avatar, email,
-- password, deletion) is announced on the `parley_access` channel with the member's id, whoever
-- made it: each node then forgets its cached copy of that member's access row
-- (server/users/access-cache.ts). PostgreSQL delivers a notification only when its transaction
-- commits, and once per member per transaction.

CREATE FUNCTION parley_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('parley_access', OLD."id"::text);
  RETURN NULL;
END $$;

CREATE TRIGGER "User_access_changed" AFTER UPDATE OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION parley_access_changed();
