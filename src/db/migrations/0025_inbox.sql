-- 0025: the coach's inbox (issue 10): a manager's dismissals and snoozes.
--
-- The inbox's items are not stored: they are computed from the data each
-- time (domain/inbox.c), so they never disagree with it. What is stored is
-- what the user did with one: item_key names what it is about
-- ("one_on_one_overdue:rep:12"), fingerprint the state it was in
-- ("since:2026-11-03"); until_on is NULL for a dismissal (hidden while the
-- state is the same) and a day for a snooze (hidden until that day). One
-- row per user and item: dismissing or snoozing again replaces it.

CREATE TABLE inbox_dismissals (
    id @TID@,
    org_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    item_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    until_on TEXT,
    created_at BIGINT NOT NULL,
    @TKEY@,
    UNIQUE (org_id, user_id, item_key),
    FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
