-- 0022: the audit log (issue 16). Who changed what and when, with the values
-- before and after: one row per change, written by store/audit.c in the same
-- transaction as the change it records.
--
-- actor_id is the signed-in user or the API token's user; NULL when the
-- change came from the command line or the server itself (via says which:
-- 'web', 'api', 'cli', 'import', 'system'). before_json and after_json hold
-- only the fields that changed ('{}' for none), private text never: such a
-- field appears with the value "(private)" (domain/audit.c's table).
--
-- Rows cannot be changed, and cannot be deleted while they are younger than
-- the organisation's retention (org_settings 'audit.retention_days', 730
-- days when unset): the triggers below refuse it in the database itself, so
-- no route, tool or bug can rewrite the history. The purge (store/audit.c)
-- deletes only the rows the triggers let through.
CREATE TABLE audit_log (
    id @TID@,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    at BIGINT NOT NULL,
    actor_id BIGINT,
    via TEXT NOT NULL,
    kind TEXT NOT NULL,
    object_id BIGINT,
    action TEXT NOT NULL,
    before_json TEXT NOT NULL DEFAULT '{}',
    after_json TEXT NOT NULL DEFAULT '{}',
    @TKEY@
);
CREATE INDEX audit_log_at ON audit_log(org_id, at, id);
CREATE INDEX audit_log_object ON audit_log(org_id, kind, object_id);

-- @sqlite
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be changed');
END;
CREATE TRIGGER audit_log_keep BEFORE DELETE ON audit_log
WHEN OLD.at >= CAST(strftime('%s', 'now') AS INTEGER) - 86400 * COALESCE(
    (SELECT CAST(value AS INTEGER) FROM org_settings
     WHERE org_id = OLD.org_id AND key = 'audit.retention_days'), 730)
BEGIN
    SELECT RAISE(ABORT, 'audit rows younger than the retention cannot be deleted');
END;
-- @end
-- @pg
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'audit rows cannot be changed';
    END IF;
    IF OLD.at >= CAST(extract(epoch FROM now()) AS BIGINT) - 86400 * COALESCE(
        (SELECT CAST(value AS BIGINT) FROM org_settings
         WHERE org_id = OLD.org_id AND key = 'audit.retention_days'), 730) THEN
        RAISE EXCEPTION 'audit rows younger than the retention cannot be deleted';
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
-- @end
