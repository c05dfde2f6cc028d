-- 0009: imports that commit in batches. An import used to be one
-- transaction, which on SQLite held the only write lock for its whole run
-- (every other write waited 5 s and failed). Now it commits every few
-- thousand rows, and keeps its all-or-nothing promise with a journal:
--
--   import_runs        one row per run of the import engine, 'running'
--                      until it is kept or undone; runner names the process
--                      (host:pid:start), so the run of a process that died
--                      is found and undone at the next start;
--   deals.import_run   the run that added a deal (deleted on undo);
--   import_undo_deals  a deal as it was before the run changed it;
--   import_undo        other rows the run added (accounts, users, targets,
--                      result totals: deleted on undo) or changed (targets
--                      and result totals: their amount as it was).
--
-- The journal of a run is deleted when the run is kept; deals.import_run
-- stays, saying which import brought the deal in.

CREATE TABLE import_runs (
    id @ID@,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    job_id BIGINT,
    runner TEXT NOT NULL,
    heartbeat_at BIGINT NOT NULL,
    first_deal BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'kept', 'undone')),
    started_at BIGINT NOT NULL,
    UNIQUE (org_id, id)
);
CREATE INDEX import_runs_status ON import_runs(status, org_id);
CREATE INDEX import_runs_job ON import_runs(org_id, job_id);

CREATE TABLE import_undo (
    org_id BIGINT NOT NULL,
    run_id BIGINT NOT NULL,
    tbl TEXT NOT NULL CHECK (tbl IN ('accounts', 'users', 'targets', 'result_totals')),
    row_id BIGINT NOT NULL,
    created INTEGER NOT NULL,
    amount_minor BIGINT,
    currency TEXT,
    PRIMARY KEY (org_id, run_id, tbl, row_id),
    FOREIGN KEY (org_id, run_id) REFERENCES import_runs(org_id, id) ON DELETE CASCADE
);

CREATE TABLE import_undo_deals (
    org_id BIGINT NOT NULL,
    run_id BIGINT NOT NULL,
    deal_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    account_id BIGINT NOT NULL,
    value_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    stage_id BIGINT NOT NULL,
    product TEXT NOT NULL,
    expected_close TEXT,
    status TEXT NOT NULL,
    lost_reason TEXT,
    lost_note TEXT NOT NULL,
    closed_on TEXT,
    created_on TEXT NOT NULL,
    stage_changed_on TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, run_id, deal_id),
    FOREIGN KEY (org_id, run_id) REFERENCES import_runs(org_id, id) ON DELETE CASCADE
);

ALTER TABLE deals ADD COLUMN import_run BIGINT;
