-- 0036: webhooks that fail hold their events (issue 16).
--
-- failing_since: when the subscription's current run of failed attempts
-- began (NULL after a success). A subscription is disabled only when its
-- deliveries have failed WEBHOOK_MAX_FAILURES times in a row AND that run
-- has lasted a while (store/webhooks.c, webhook_record), so a burst of
-- queued events meeting a receiver that is down for a few minutes does not
-- disable it. While disabled by failures its pending deliveries are held,
-- new events are still queued for it, and enabling it again sends them,
-- oldest first.
ALTER TABLE webhooks ADD COLUMN failing_since BIGINT;

-- the claim takes a subscription's oldest due delivery only when none of
-- its deliveries is in flight (one at a time per subscription, in order,
-- while other subscriptions' deliveries proceed in parallel): this index
-- finds a subscription's pending rows without reading its delivered ones
CREATE INDEX webhook_outbox_pending ON webhook_outbox(org_id, webhook_id, status, id);
