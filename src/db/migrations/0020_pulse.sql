-- 0020: the wellbeing pulse (issue 10). A rep's weekly check-in of three
-- questions (energy, motivation, workload; 1..5 each) and an optional
-- comment, one per rep per ISO week ('YYYY-Www', e.g. '2026-W53'), and the
-- rep's choice to share their answers with the manager who leads their team.
--
-- Privacy (domain/access.c, access_pulse_*): an answer is the rep's own.
-- The manager sees a team's weekly average only when at least three reps
-- answered that week and the week has closed (domain/pulse.c); a rep's own
-- answers only while the rep shares them. team_id is the rep's team when
-- they answered, so a closed week's average never moves when someone
-- changes team afterwards.
CREATE TABLE pulse_answers (
    id @TID@,
    org_id BIGINT NOT NULL,
    rep_id BIGINT NOT NULL,
    team_id BIGINT,
    week TEXT NOT NULL,
    energy INTEGER NOT NULL CHECK (energy BETWEEN 1 AND 5),
    motivation INTEGER NOT NULL CHECK (motivation BETWEEN 1 AND 5),
    workload INTEGER NOT NULL CHECK (workload BETWEEN 1 AND 5),
    comment TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    @TKEY@,
    UNIQUE (org_id, rep_id, week),
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id)
);
CREATE INDEX pulse_answers_team ON pulse_answers(org_id, team_id, week);

-- the rep's sharing choice: a row while they share (deleted when revoked)
CREATE TABLE pulse_sharing (
    org_id BIGINT NOT NULL,
    rep_id BIGINT NOT NULL,
    shared_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, rep_id),
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id)
);
