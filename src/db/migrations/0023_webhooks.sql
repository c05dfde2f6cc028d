-- 0023: webhooks (issue 16). An admin subscribes a URL to events; every
-- event is written to the outbox in the same transaction as what it tells
-- (a conversation, a deal closed, an import kept), one row per event and
-- subscription, so a crash or a restart loses nothing; the server's
-- delivery worker (jobs/webhook-worker.c) sends the rows, signs them with
-- the subscription's secret, retries with back-off for a day and writes
-- every attempt to the delivery log.
--
-- events is the list of event types, comma-separated and enclosed in
-- commas (",deal.won,deal.lost,") so that one LIKE finds a type.
-- failures counts the failed attempts since the last success; at
-- WEBHOOK_MAX_FAILURES the subscription is disabled (disabled_at set).
CREATE TABLE webhooks (
    id @TID@,
    org_id BIGINT NOT NULL,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    failures INTEGER NOT NULL DEFAULT 0,
    disabled_at BIGINT,
    created_by BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id) REFERENCES orgs(id)
);

-- status: 'pending' (to send at next_at), 'delivered', 'failed' (gave up
-- after a day), 'cancelled' (the subscription was deleted or disabled).
-- A worker claims a row by setting lease_until (and its lease token); a
-- row whose lease ran out is claimed again. dedupe keeps a time-based event
-- (a step due or missed) from being enqueued twice for one subscription.
CREATE TABLE webhook_outbox (
    id @TID@,
    org_id BIGINT NOT NULL,
    webhook_id BIGINT NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at BIGINT NOT NULL,
    lease_until BIGINT,
    lease TEXT,
    dedupe TEXT,
    created_at BIGINT NOT NULL,
    done_at BIGINT,
    @TKEY@,
    UNIQUE (org_id, webhook_id, dedupe)
);
CREATE INDEX webhook_outbox_due ON webhook_outbox(status, next_at);
CREATE INDEX webhook_outbox_hook ON webhook_outbox(org_id, webhook_id, id);
CREATE INDEX webhook_outbox_dedupe ON webhook_outbox(org_id, dedupe);

-- one row per attempt: its HTTP status (0 when none came), how long it
-- took, the error in words when it failed
CREATE TABLE webhook_deliveries (
    id @TID@,
    org_id BIGINT NOT NULL,
    webhook_id BIGINT NOT NULL,
    outbox_id BIGINT NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    at BIGINT NOT NULL,
    status_code INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    ok INTEGER NOT NULL,
    error TEXT NOT NULL DEFAULT '',
    @TKEY@
);
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries(org_id, webhook_id, id);
