-- 0004: numbers — a target per rep and period, and result totals imported
-- from the team's CRM (when the organisation counts those instead of won
-- deals). A row holds one exact period: a calendar month, or a fiscal
-- quarter or year, by its first and last day; the target rule that sums
-- months into quarters and years lives in store/numbers.c. The composite
-- foreign key keeps every row inside the organisation of its rep, and a
-- rep's rows go with the rep.

CREATE TABLE targets (
    id @ID@,
    org_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('month', 'quarter', 'year')),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (period_start <= period_end),
    UNIQUE (org_id, id),
    UNIQUE (org_id, user_id, period_start, period_end),
    FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id) ON DELETE CASCADE
);
-- the targets of the whole organisation over a span of periods, read from
-- the index alone (numbers grid: 1,000 reps over 24 months); a rep's or a
-- team's go through the unique index above, rep by rep
CREATE INDEX targets_period ON targets(org_id, period_start, period_end, user_id, amount_minor);

CREATE TABLE result_totals (
    id @ID@,
    org_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('month', 'quarter', 'year')),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (period_start <= period_end),
    UNIQUE (org_id, id),
    UNIQUE (org_id, user_id, period_start, period_end),
    FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id) ON DELETE CASCADE
);
CREATE INDEX result_totals_period ON result_totals(org_id, period_start, period_end, user_id, amount_minor);

-- Closed deals by status and closing day, with the owner, the value, the
-- product and the lost reason: the results of the organisation's reps over
-- a span (won deals) and the excuse check's losses (lost deals) read the
-- index alone. It starts with the columns of deals_closed, so it serves
-- every query that one served, and replaces it: one index more on deals
-- would slow every insert of an import of a million deals.
CREATE INDEX deals_closed_owner ON deals(org_id, status, closed_on, owner_id, value_minor, product, lost_reason);
DROP INDEX deals_closed;
