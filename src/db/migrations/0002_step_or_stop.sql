-- 0002: step or stop — the organisation's stage vocabulary, accounts and
-- contacts, deals, conversations that end in a step, a stop or no
-- commitment, and the next steps with their life (open, kept, missed,
-- cancelled; slips counted). Thresholds live in org_settings.

CREATE TABLE stages (
    id @ID@,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    name TEXT NOT NULL,
    definition TEXT NOT NULL DEFAULT '',
    commitment TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'open' CHECK (kind IN ('open', 'won', 'lost')),
    UNIQUE (org_id, id),
    UNIQUE (org_id, name)
);

CREATE TABLE accounts (
    id @ID@,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    name TEXT NOT NULL,
    owner_id BIGINT,
    external_id TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (org_id, id),
    UNIQUE (org_id, external_id),
    FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id)
);
CREATE INDEX accounts_name ON accounts(org_id, name);

CREATE TABLE contacts (
    id @ID@,
    org_id BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, account_id) REFERENCES accounts(org_id, id) ON DELETE CASCADE
);
CREATE INDEX contacts_account ON contacts(org_id, account_id);

CREATE TABLE deals (
    id @ID@,
    org_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    account_id BIGINT NOT NULL,
    value_minor BIGINT NOT NULL DEFAULT 0,
    currency TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    stage_id BIGINT NOT NULL,
    product TEXT NOT NULL DEFAULT '',
    expected_close TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost', 'paused')),
    lost_reason TEXT,
    lost_note TEXT NOT NULL DEFAULT '',
    closed_on TEXT,
    created_on TEXT NOT NULL,
    stage_changed_on TEXT NOT NULL,
    external_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (org_id, id),
    UNIQUE (org_id, external_id),
    FOREIGN KEY (org_id, account_id) REFERENCES accounts(org_id, id),
    FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, stage_id) REFERENCES stages(org_id, id)
);
CREATE INDEX deals_owner ON deals(org_id, owner_id, status);
CREATE INDEX deals_stage ON deals(org_id, status, stage_id);
CREATE INDEX deals_closed ON deals(org_id, status, closed_on);

CREATE TABLE conversations (
    id @ID@,
    org_id BIGINT NOT NULL,
    rep_id BIGINT NOT NULL,
    deal_id BIGINT,
    account_id BIGINT,
    kind TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'video', 'visit', 'demo')),
    at BIGINT NOT NULL,
    held_on TEXT NOT NULL,
    minutes INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    gut_feeling INTEGER NOT NULL CHECK (gut_feeling BETWEEN 1 AND 5),
    outcome TEXT NOT NULL CHECK (outcome IN ('step', 'stop', 'none')),
    stop_reason TEXT,
    stop_note TEXT NOT NULL DEFAULT '',
    progressed INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, account_id) REFERENCES accounts(org_id, id)
);
CREATE INDEX conversations_rep ON conversations(org_id, rep_id, held_on);
CREATE INDEX conversations_deal ON conversations(org_id, deal_id, held_on);
CREATE INDEX conversations_day ON conversations(org_id, held_on);

CREATE TABLE steps (
    id @ID@,
    org_id BIGINT NOT NULL,
    conversation_id BIGINT NOT NULL,
    deal_id BIGINT,
    account_id BIGINT,
    rep_id BIGINT NOT NULL,
    what TEXT NOT NULL,
    who TEXT NOT NULL,
    due TEXT NOT NULL,
    original_due TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'missed', 'cancelled')),
    slips INTEGER NOT NULL DEFAULT 0,
    done_on TEXT,
    created_on TEXT NOT NULL,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, conversation_id) REFERENCES conversations(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, deal_id) REFERENCES deals(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, account_id) REFERENCES accounts(org_id, id),
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id)
);
CREATE INDEX steps_rep ON steps(org_id, rep_id, status, due);
CREATE INDEX steps_deal ON steps(org_id, deal_id, status, due);
CREATE INDEX steps_due ON steps(org_id, due);
CREATE INDEX steps_conversation ON steps(org_id, conversation_id);

-- organisation settings (health thresholds and later ones), as text
CREATE TABLE org_settings (
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (org_id, key)
);

-- secret iCalendar feed addresses; only the hash of the secret is kept
CREATE TABLE calendar_feeds (
    id @ID@,
    org_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id) ON DELETE CASCADE
);
