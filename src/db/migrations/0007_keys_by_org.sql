-- 0007: keys fit for a PostgreSQL distributed by organisation (Citus), and
-- the tables that signing in needs now.
--
-- A table sharded by org_id can only enforce a primary, unique or foreign
-- key that includes org_id, and a lookup that names the organisation goes to
-- one shard instead of all. So on PostgreSQL every such key of a tenant
-- table (one with an org_id column) gets org_id in front, and sessions, API
-- tokens and calendar addresses carry their organisation in the secret the
-- client holds ("<org_id>.<secret>"; the store parses it and looks up with
-- WHERE org_id = ...). Secrets of the old form cannot be looked up that way:
-- sessions are ended, API tokens and calendar addresses revoked (their
-- owners make new ones). tests/e2e/schema-keys.test.mjs reads the catalog
-- and fails when a later migration adds a key without org_id.
--
-- SQLite keeps its simpler keys (ids are unique in the whole file there),
-- except that an e-mail address is now unique per organisation on both
-- engines: the same person may work for two organisations that use
-- Salesgarden.
-- @sqlite-foreign-keys-off

-- Failed and attempted sign-ins, per source address, per account and per
-- (address, account) pair (see domain/throttle.h). One row per key and
-- window, counted with one atomic upsert. Not tenant data: an address may
-- belong to no organisation, and the count must hold across them.
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    attempts INTEGER NOT NULL,
    next_at BIGINT NOT NULL DEFAULT 0
);
DROP TABLE login_failures;

-- Secrets of the installation, shared by every server on the database
-- (the key that signs the CSRF cookie before sign-in). Not tenant data.
CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

DELETE FROM sessions;
UPDATE api_tokens SET revoked_at = @NOW@ WHERE revoked_at IS NULL;
UPDATE calendar_feeds SET revoked_at = @NOW@ WHERE revoked_at IS NULL;

-- @sqlite
-- users: e-mail unique per organisation. SQLite cannot drop a column's
-- UNIQUE, so the table is rebuilt (foreign keys off, see migrate.c).
CREATE TABLE users_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'rep')),
    locale TEXT CHECK (locale IN ('en', 'nl', 'nb')),
    password_hash TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    UNIQUE (org_id, id),
    UNIQUE (org_id, email)
);
INSERT INTO users_new (id, org_id, email, name, role, locale, password_hash, active, created_at)
    SELECT id, org_id, email, name, role, locale, password_hash, active, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE INDEX users_email ON users(email);
-- the conflict target of a team move on both engines
CREATE UNIQUE INDEX team_members_org_user ON team_members(org_id, user_id);
-- @end

-- @pg
-- sign-in looks an address up in every organisation (store/users.c)
CREATE INDEX users_email ON users(email);

-- a user belongs to at most one team of their organisation
ALTER TABLE team_members DROP CONSTRAINT team_members_user_id_key;
ALTER TABLE team_members DROP CONSTRAINT team_members_pkey;
ALTER TABLE team_members ADD PRIMARY KEY (org_id, user_id);

-- Every other key without org_id gets it in front: the primary keys on id
-- (and sessions' on id_hash) and the unique e-mail and token hashes. The
-- foreign keys between tenant tables already name org_id, but they lean on
-- the UNIQUE (org_id, id) that the new primary key makes redundant; they are
-- taken off, that unique key is dropped, and they are put back as they were,
-- now leaning on the primary key.
DO $$
DECLARE
    k record;
    u record;
    cols text;
BEGIN
    CREATE TEMP TABLE sg_fks ON COMMIT DROP AS
        SELECT c.conrelid::regclass::text AS tbl, c.conname, pg_get_constraintdef(c.oid) AS def
        FROM pg_constraint c
        WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
          AND c.confrelid <> 'orgs'::regclass;
    FOR k IN SELECT * FROM sg_fks LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', k.tbl, k.conname);
    END LOOP;

    FOR k IN
        SELECT c.conrelid::regclass::text AS tbl, c.conname, c.contype, c.conkey, c.conrelid
        FROM pg_constraint c
        WHERE c.contype IN ('p', 'u') AND c.connamespace = current_schema()::regnamespace
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.conrelid
                      AND a.attname = 'org_id' AND NOT a.attisdropped)
          AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.conrelid
                          AND a.attnum = ANY (c.conkey) AND a.attname = 'org_id')
    LOOP
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY array_position(k.conkey, a.attnum))
            INTO cols FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey);
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', k.tbl, k.conname);
        IF k.contype = 'p' AND cols = 'id' THEN
            -- the unique key (org_id, id) that the new primary key repeats
            FOR u IN
                SELECT c2.conname FROM pg_constraint c2
                WHERE c2.conrelid = k.conrelid AND c2.contype = 'u'
                  AND (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a
                       WHERE a.attrelid = c2.conrelid AND a.attnum = ANY (c2.conkey)) = ARRAY['id', 'org_id']
            LOOP
                EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', k.tbl, u.conname);
            END LOOP;
        END IF;
        IF k.contype = 'p' THEN
            EXECUTE format('ALTER TABLE %s ADD PRIMARY KEY (org_id, %s)', k.tbl, cols);
        ELSE
            EXECUTE format('ALTER TABLE %s ADD UNIQUE (org_id, %s)', k.tbl, cols);
        END IF;
    END LOOP;

    FOR k IN SELECT * FROM sg_fks LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.tbl, k.conname, k.def);
    END LOOP;
END
$$;
-- @end
