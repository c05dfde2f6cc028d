-- 0011: development — tend the garden (issue 8). The organisation's
-- competency framework (the five superstar traits of the articles, their
-- sub-skills and the behavioural anchors of scores 1, 3 and 5), assessment
-- rounds with the ratings of self, manager and invited peers, field-coaching
-- observations, development plans (achievement and result goals, actions,
-- check-ins), one-on-ones on a cadence (agenda points, shared and private
-- notes, actions that carry forward) and recognition of effort.
--
-- Everything here but the framework is a rep's private data: seen by the
-- rep and the managers who lead the rep's team (domain/access.c,
-- access_private and the rules beside it), never by another rep.
--
-- Keys: every key names the organisation (0007; @TID@/@TKEY@ give a
-- PostgreSQL primary key (org_id, id) and SQLite its rowid plus a unique
-- (org_id, id)), and every foreign key is composite, so no row points into
-- another organisation. Retired traits and sub-skills stay (retired_at set)
-- so old ratings remain readable. A rating "of the trait as a whole" has
-- subskill_id 0 (no foreign key: 0 is not a row).

CREATE TABLE traits (
    id @TID@,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    -- the default trait it was seeded from ('goal', 'accountable',
    -- 'learning', 'motivated', 'customer'); '' for one an admin added
    code TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    definition TEXT NOT NULL DEFAULT '',
    anchor1 TEXT NOT NULL DEFAULT '',
    anchor3 TEXT NOT NULL DEFAULT '',
    anchor5 TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    retired_at BIGINT,
    created_at BIGINT NOT NULL,
    @TKEY@
);
CREATE INDEX traits_position ON traits(org_id, position);

CREATE TABLE subskills (
    id @TID@,
    org_id BIGINT NOT NULL,
    trait_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    definition TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    retired_at BIGINT,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, trait_id) REFERENCES traits(org_id, id)
);
CREATE INDEX subskills_trait ON subskills(org_id, trait_id, position);

-- a round ("2026 H2") opened for a team, or an ad-hoc one for one rep
CREATE TABLE assessment_rounds (
    id @TID@,
    org_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    team_id BIGINT,
    rep_id BIGINT,
    opened_by BIGINT NOT NULL,
    opened_on TEXT NOT NULL,
    due_on TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_at BIGINT,
    created_at BIGINT NOT NULL,
    CHECK ((team_id IS NULL) <> (rep_id IS NULL)),
    @TKEY@,
    FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id),
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, opened_by) REFERENCES users(org_id, id)
);
CREATE INDEX assessment_rounds_opened ON assessment_rounds(org_id, opened_on);

-- one rater's form for one rep in one round: the rep's own (self), the
-- manager's, or an invited peer's. Hidden from the others until submitted
-- (the self-assessment from the manager, the manager's from the rep);
-- a peer never sees any other form.
CREATE TABLE assessments (
    id @TID@,
    org_id BIGINT NOT NULL,
    round_id BIGINT NOT NULL,
    rep_id BIGINT NOT NULL,
    rater_id BIGINT NOT NULL,
    rater_kind TEXT NOT NULL CHECK (rater_kind IN ('self', 'manager', 'peer')),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
    invited_by BIGINT,
    submitted_at BIGINT,
    created_at BIGINT NOT NULL,
    @TKEY@,
    UNIQUE (org_id, round_id, rep_id, rater_id),
    FOREIGN KEY (org_id, round_id) REFERENCES assessment_rounds(org_id, id),
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, rater_id) REFERENCES users(org_id, id)
);
CREATE INDEX assessments_rep ON assessments(org_id, rep_id, round_id);
CREATE INDEX assessments_rater ON assessments(org_id, rater_id, status);

CREATE TABLE assessment_scores (
    org_id BIGINT NOT NULL,
    assessment_id BIGINT NOT NULL,
    trait_id BIGINT NOT NULL,
    subskill_id BIGINT NOT NULL DEFAULT 0,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    evidence TEXT NOT NULL DEFAULT '',
    -- the observation the evidence was pulled from, if any
    observation_id BIGINT,
    PRIMARY KEY (org_id, assessment_id, trait_id, subskill_id),
    FOREIGN KEY (org_id, assessment_id) REFERENCES assessments(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, trait_id) REFERENCES traits(org_id, id)
);

-- field coaching: a manager joined a call, or a rep rode along with a
-- colleague; optionally about a logged conversation
CREATE TABLE observations (
    id @TID@,
    org_id BIGINT NOT NULL,
    rep_id BIGINT NOT NULL,
    observer_id BIGINT NOT NULL,
    conversation_id BIGINT,
    kind TEXT NOT NULL CHECK (kind IN ('joint_call', 'ride_along')),
    observed_on TEXT NOT NULL,
    went_well TEXT NOT NULL DEFAULT '',
    to_strengthen TEXT NOT NULL DEFAULT '',
    agreed_action TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, observer_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, conversation_id) REFERENCES conversations(org_id, id)
);
CREATE INDEX observations_rep ON observations(org_id, rep_id, observed_on);

CREATE TABLE observation_scores (
    org_id BIGINT NOT NULL,
    observation_id BIGINT NOT NULL,
    trait_id BIGINT NOT NULL,
    subskill_id BIGINT NOT NULL DEFAULT 0,
    score INTEGER CHECK (score BETWEEN 1 AND 5),
    seen TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (org_id, observation_id, trait_id, subskill_id),
    FOREIGN KEY (org_id, observation_id) REFERENCES observations(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, trait_id) REFERENCES traits(org_id, id)
);

-- one open plan per rep per period
CREATE TABLE dev_plans (
    id @TID@,
    org_id BIGINT NOT NULL,
    rep_id BIGINT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    focus_trait_id BIGINT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    closed_at BIGINT,
    CHECK (period_start <= period_end),
    @TKEY@,
    UNIQUE (org_id, rep_id, period_start),
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, focus_trait_id) REFERENCES traits(org_id, id)
);
CREATE INDEX dev_plans_rep ON dev_plans(org_id, rep_id, status);

-- achievement goals (a skill, a process, the quality of meetings) and
-- result goals (revenue, new deals), kept apart; metric names a figure
-- Salesgarden already has ('commitment_rate', 'steps_kept', 'attainment',
-- 'won_value', 'new_deals'), so progress fills itself in
CREATE TABLE plan_goals (
    id @TID@,
    org_id BIGINT NOT NULL,
    plan_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('achievement', 'result')),
    title TEXT NOT NULL,
    trait_id BIGINT,
    metric TEXT NOT NULL DEFAULT '',
    baseline @REAL@,
    target @REAL@,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    position INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, plan_id) REFERENCES dev_plans(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, trait_id) REFERENCES traits(org_id, id)
);
CREATE INDEX plan_goals_plan ON plan_goals(org_id, plan_id, position);

CREATE TABLE plan_actions (
    id @TID@,
    org_id BIGINT NOT NULL,
    plan_id BIGINT NOT NULL,
    goal_id BIGINT,
    what TEXT NOT NULL,
    owner_id BIGINT NOT NULL,
    due TEXT,
    done_on TEXT,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, plan_id) REFERENCES dev_plans(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, goal_id) REFERENCES plan_goals(org_id, id),
    FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id)
);
CREATE INDEX plan_actions_plan ON plan_actions(org_id, plan_id, due);
CREATE INDEX plan_actions_owner ON plan_actions(org_id, owner_id, done_on, due);

CREATE TABLE plan_checkins (
    id @TID@,
    org_id BIGINT NOT NULL,
    plan_id BIGINT NOT NULL,
    author_id BIGINT NOT NULL,
    on_date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, plan_id) REFERENCES dev_plans(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, author_id) REFERENCES users(org_id, id)
);
CREATE INDEX plan_checkins_plan ON plan_checkins(org_id, plan_id, on_date);

-- how often a rep meets their manager one on one; from anchor_on on
CREATE TABLE one_on_one_cadences (
    org_id BIGINT NOT NULL,
    rep_id BIGINT NOT NULL,
    every TEXT NOT NULL CHECK (every IN ('weekly', 'biweekly', 'monthly')),
    anchor_on TEXT NOT NULL,
    set_by BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, rep_id),
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, set_by) REFERENCES users(org_id, id)
);

-- private to the rep and their manager (not other managers, not admins
-- who do not lead the rep's team); private_notes to the manager alone
CREATE TABLE one_on_ones (
    id @TID@,
    org_id BIGINT NOT NULL,
    rep_id BIGINT NOT NULL,
    manager_id BIGINT NOT NULL,
    scheduled_on TEXT NOT NULL,
    held_on TEXT,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
    shared_notes TEXT NOT NULL DEFAULT '',
    private_notes TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, manager_id) REFERENCES users(org_id, id)
);
CREATE INDEX one_on_ones_rep ON one_on_ones(org_id, rep_id, scheduled_on);
CREATE INDEX one_on_ones_manager ON one_on_ones(org_id, manager_id, status, scheduled_on);

-- the agenda: the template's sections (effort, improvement, progress, what
-- works, what to strengthen) and the rep's own points, added beforehand
CREATE TABLE one_on_one_points (
    id @TID@,
    org_id BIGINT NOT NULL,
    meeting_id BIGINT NOT NULL,
    author_id BIGINT NOT NULL,
    section TEXT NOT NULL CHECK (section IN ('effort', 'improvement', 'progress', 'works', 'strengthen', 'rep')),
    text TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, meeting_id) REFERENCES one_on_ones(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, author_id) REFERENCES users(org_id, id)
);
CREATE INDEX one_on_one_points_meeting ON one_on_one_points(org_id, meeting_id, position);

-- actions carry forward: shown at every later one-on-one of the rep until done
CREATE TABLE one_on_one_actions (
    id @TID@,
    org_id BIGINT NOT NULL,
    meeting_id BIGINT NOT NULL,
    rep_id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    what TEXT NOT NULL,
    due TEXT,
    done_on TEXT,
    done_meeting_id BIGINT,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, meeting_id) REFERENCES one_on_ones(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, owner_id) REFERENCES users(org_id, id)
);
CREATE INDEX one_on_one_actions_rep ON one_on_one_actions(org_id, rep_id, done_on);

-- recognition of effort, improvement and progress (not only wins), given
-- from a one-on-one, an observation or a plan check-in; the rep sees it on
-- their home page
CREATE TABLE recognitions (
    id @TID@,
    org_id BIGINT NOT NULL,
    rep_id BIGINT NOT NULL,
    giver_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('effort', 'improvement', 'progress', 'win')),
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'other' CHECK (source IN ('one_on_one', 'observation', 'checkin', 'other')),
    source_id BIGINT,
    seen_at BIGINT,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, giver_id) REFERENCES users(org_id, id)
);
CREATE INDEX recognitions_rep ON recognitions(org_id, rep_id, created_at);
