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

-- The manager's own mirror (issue 10): a manager's self-assessment on the
-- five skills of sales leadership (domain/mirror.h), 1-5 each with the
-- manager's own evidence, repeated over time. Only the manager sees it.
CREATE TABLE manager_assessments (
    id @TID@,
    org_id BIGINT NOT NULL,
    manager_id BIGINT NOT NULL,
    assessed_on TEXT NOT NULL,
    s_recruiting INTEGER NOT NULL CHECK (s_recruiting BETWEEN 1 AND 5),
    s_coaching INTEGER NOT NULL CHECK (s_coaching BETWEEN 1 AND 5),
    s_underperformance INTEGER NOT NULL CHECK (s_underperformance BETWEEN 1 AND 5),
    s_no_excuses INTEGER NOT NULL CHECK (s_no_excuses BETWEEN 1 AND 5),
    s_competition INTEGER NOT NULL CHECK (s_competition BETWEEN 1 AND 5),
    e_recruiting TEXT NOT NULL DEFAULT '',
    e_coaching TEXT NOT NULL DEFAULT '',
    e_underperformance TEXT NOT NULL DEFAULT '',
    e_no_excuses TEXT NOT NULL DEFAULT '',
    e_competition TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, manager_id) REFERENCES users(org_id, id)
);
CREATE INDEX manager_assessments_manager ON manager_assessments(org_id, manager_id, assessed_on);

-- Anonymous upward feedback: a manager opens a round; the reps of the teams
-- they lead answer once. An answer is stored WITHOUT its author and without
-- a time: upward_answers has no user id, no timestamp and no sequential id
-- (answer_key is random), so nothing orders answers by person;
-- upward_respondents records only THAT a user answered a round (to refuse
-- a second answer), not which answer is theirs, and no time either.
CREATE TABLE upward_rounds (
    id @TID@,
    org_id BIGINT NOT NULL,
    manager_id BIGINT NOT NULL,
    opened_on TEXT NOT NULL,
    closed_on TEXT,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, manager_id) REFERENCES users(org_id, id)
);
CREATE TABLE upward_respondents (
    org_id BIGINT NOT NULL,
    round_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    PRIMARY KEY (org_id, round_id, user_id),
    FOREIGN KEY (org_id, round_id) REFERENCES upward_rounds(org_id, id),
    FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
CREATE TABLE upward_answers (
    org_id BIGINT NOT NULL,
    round_id BIGINT NOT NULL,
    answer_key TEXT NOT NULL,
    s_recruiting INTEGER NOT NULL CHECK (s_recruiting BETWEEN 1 AND 5),
    s_coaching INTEGER NOT NULL CHECK (s_coaching BETWEEN 1 AND 5),
    s_underperformance INTEGER NOT NULL CHECK (s_underperformance BETWEEN 1 AND 5),
    s_no_excuses INTEGER NOT NULL CHECK (s_no_excuses BETWEEN 1 AND 5),
    s_competition INTEGER NOT NULL CHECK (s_competition BETWEEN 1 AND 5),
    comment TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (org_id, round_id, answer_key),
    FOREIGN KEY (org_id, round_id) REFERENCES upward_rounds(org_id, id)
);
