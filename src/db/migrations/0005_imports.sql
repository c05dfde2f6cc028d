-- 0005: CSV imports through the web page — the uploaded files, kept so
-- that the preview, a dry run and the real run read the same bytes, and
-- the import jobs with their progress and summary. The job row is the
-- truth about an import: any server of the organisation can show it.
--
-- The content is kept as TEXT, not @BLOB@: db.h binds text only, and an
-- upload is checked to be UTF-8 without NUL bytes before it is stored, so
-- both engines keep it byte for byte.

CREATE TABLE import_files (
    id @ID@,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    user_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('reps', 'targets', 'deals', 'results')),
    preset TEXT NOT NULL DEFAULT 'auto',
    filename TEXT NOT NULL,
    size BIGINT NOT NULL,
    content TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
CREATE INDEX import_files_org ON import_files(org_id, created_at);

-- map: the column mapping as a JSON array of "HEADER=FIELD" strings, and
-- the options, so that "Import for real" after a dry run repeats exactly
-- what was checked. errors: a JSON array of {line, column, message}, the
-- first 1,000. runner names the process that runs the job (host:pid:start),
-- so a job whose server died can be told from one still running.
CREATE TABLE import_jobs (
    id @ID@,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    file_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('reps', 'targets', 'deals', 'results')),
    preset TEXT NOT NULL DEFAULT 'auto',
    map TEXT NOT NULL DEFAULT '[]',
    create_missing INTEGER NOT NULL DEFAULT 0,
    all_or_nothing INTEGER NOT NULL DEFAULT 0,
    dry_run INTEGER NOT NULL DEFAULT 0,
    lang TEXT NOT NULL DEFAULT 'en',
    status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
    rows_done BIGINT NOT NULL DEFAULT 0,
    bytes_done BIGINT NOT NULL DEFAULT 0,
    bytes_total BIGINT NOT NULL DEFAULT 0,
    n_read BIGINT NOT NULL DEFAULT 0,
    n_created BIGINT NOT NULL DEFAULT 0,
    n_updated BIGINT NOT NULL DEFAULT 0,
    n_skipped BIGINT NOT NULL DEFAULT 0,
    n_failed BIGINT NOT NULL DEFAULT 0,
    rolled_back INTEGER NOT NULL DEFAULT 0,
    used_preset TEXT NOT NULL DEFAULT '',
    errors TEXT NOT NULL DEFAULT '[]',
    message TEXT NOT NULL DEFAULT '',
    runner TEXT NOT NULL DEFAULT '',
    heartbeat_at BIGINT NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT,
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, file_id) REFERENCES import_files(org_id, id) ON DELETE CASCADE
);
CREATE INDEX import_jobs_org ON import_jobs(org_id, started_at);
CREATE INDEX import_jobs_file ON import_jobs(org_id, file_id);
