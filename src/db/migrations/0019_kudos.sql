-- 0019: kudos, the spotlight (issue 10, "competition and the spotlight").
--
-- Kudos: anyone recognises a colleague of their organisation (never
-- themself) for effort, improvement, progress or a win, with a short text.
-- They stand beside the manager's recognitions of 0011 (private to the rep
-- and their manager): kudos are the team's, shown in its feed, so they
-- keep the recipient's team at the time they were given (team_id, NULL
-- when the recipient was in no team). The kinds are recognitions' kinds.
--
-- The spotlight: one per team per period (a week from Monday, or a
-- calendar month), written by whoever manages the team, naming a member
-- with a citation. Writing it again for the same period replaces it.
--
-- Badges and streaks are not stored: they are computed from steps and
-- library loans (domain/kudos.c), so they never disagree with the data.

CREATE TABLE kudos (
    id @TID@,
    org_id BIGINT NOT NULL,
    giver_id BIGINT NOT NULL,
    rep_id BIGINT NOT NULL,
    team_id BIGINT,
    kind TEXT NOT NULL CHECK (kind IN ('effort', 'improvement', 'progress', 'win')),
    text TEXT NOT NULL,
    given_on TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    @TKEY@,
    CHECK (giver_id <> rep_id),
    FOREIGN KEY (org_id, giver_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id)
);
CREATE INDEX kudos_team ON kudos(org_id, team_id, given_on);
CREATE INDEX kudos_rep ON kudos(org_id, rep_id, given_on);

CREATE TABLE spotlights (
    id @TID@,
    org_id BIGINT NOT NULL,
    team_id BIGINT NOT NULL,
    period TEXT NOT NULL CHECK (period IN ('week', 'month')),
    period_start TEXT NOT NULL,
    rep_id BIGINT NOT NULL,
    citation TEXT NOT NULL,
    author_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    @TKEY@,
    UNIQUE (org_id, team_id, period, period_start),
    FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id),
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, author_id) REFERENCES users(org_id, id)
);
