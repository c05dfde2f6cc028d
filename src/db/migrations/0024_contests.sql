-- 0024: leaderboards and contests (issue 10, "competition and the spotlight").
--
-- teams.show_revenue: whether the leaderboards show the individual revenue
-- (and attainment, which reveals it) of the team's reps; 1 by default (the
-- article argues for sharing), 0 where a works council objects. When 0,
-- revenue and attainment show only the team's total; effort figures stay.
--
-- A contest: a name, a figure (domain/contests.h codes), a period of days
-- (inclusive), individuals or teams, an optional minimum number of
-- conversations in the period, a prize text, and the teams taking part.
-- When it has ended, its final standings are frozen into
-- contest_standings once (frozen_at is set in the same transaction, and
-- only where it was NULL, so two readers cannot freeze it twice; frozen_on
-- is the day, as the server counts days) and never
-- change afterwards, whatever data arrives late.

ALTER TABLE teams ADD COLUMN show_revenue INTEGER NOT NULL DEFAULT 1;

CREATE TABLE contests (
    id @TID@,
    org_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    figure TEXT NOT NULL,
    base_figure TEXT NOT NULL DEFAULT '',
    mode TEXT NOT NULL CHECK (mode IN ('individual', 'team')),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    min_conversations INTEGER NOT NULL DEFAULT 0,
    prize TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    frozen_at BIGINT,
    frozen_on TEXT,
    @TKEY@,
    CHECK (ends_on >= starts_on),
    CHECK (min_conversations >= 0),
    FOREIGN KEY (org_id, created_by) REFERENCES users(org_id, id)
);
CREATE INDEX contests_ends ON contests(org_id, ends_on);

CREATE TABLE contest_teams (
    org_id BIGINT NOT NULL,
    contest_id BIGINT NOT NULL,
    team_id BIGINT NOT NULL,
    PRIMARY KEY (org_id, contest_id, team_id),
    FOREIGN KEY (org_id, contest_id) REFERENCES contests(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id) ON DELETE CASCADE
);
CREATE INDEX contest_teams_team ON contest_teams(org_id, team_id);

-- the frozen final standings: one row per rep (individual mode) or team
-- (team mode); rep_id 0 in team mode, team_id the rep's team at freezing
CREATE TABLE contest_standings (
    org_id BIGINT NOT NULL,
    contest_id BIGINT NOT NULL,
    position INTEGER NOT NULL,
    rep_id BIGINT NOT NULL,
    team_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    place INTEGER NOT NULL,
    value @REAL@,
    conversations BIGINT NOT NULL DEFAULT 0,
    ranked INTEGER NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, contest_id, position),
    FOREIGN KEY (org_id, contest_id) REFERENCES contests(org_id, id) ON DELETE CASCADE
);
