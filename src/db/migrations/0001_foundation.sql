-- 0001: organisations, users, teams, sessions, API tokens, login throttling.
-- Written once for both engines; @ID@ is the dialect's auto-increment key
-- (see migrate.c). Times are epoch seconds (BIGINT), calendar days are
-- 'YYYY-MM-DD' text. Every tenant table carries org_id, and references
-- between tenant tables include it, so a row can never point into another
-- organisation.

CREATE TABLE orgs (
    id @ID@,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    locale TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'nl', 'nb')),
    currency TEXT NOT NULL DEFAULT 'EUR',
    fiscal_start_month INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);

CREATE TABLE users (
    id @ID@,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'rep')),
    locale TEXT CHECK (locale IN ('en', 'nl', 'nb')),
    password_hash TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    UNIQUE (org_id, id)
);

CREATE TABLE teams (
    id @ID@,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    name TEXT NOT NULL,
    manager_id BIGINT,
    territory TEXT NOT NULL DEFAULT '',
    segment TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    UNIQUE (org_id, name),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, manager_id) REFERENCES users(org_id, id)
);
CREATE INDEX teams_manager ON teams(org_id, manager_id);

-- a user belongs to at most one team
CREATE TABLE team_members (
    org_id BIGINT NOT NULL,
    team_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL UNIQUE,
    PRIMARY KEY (team_id, user_id),
    FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id) ON DELETE CASCADE
);
CREATE INDEX team_members_org ON team_members(org_id, team_id);

-- the cookie holds a random token; only its SHA-256 is stored
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    org_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    csrf TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_user ON sessions(org_id, user_id);

CREATE TABLE api_tokens (
    id @ID@,
    org_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT,
    FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id) ON DELETE CASCADE
);

-- failed sign-ins by e-mail address, for throttling (not tenant data: the
-- address may belong to no organisation at all)
CREATE TABLE login_failures (
    id @ID@,
    email TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures(email, at);
