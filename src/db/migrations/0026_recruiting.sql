-- 0026: recruiting, part 1 (issue 11): the talent pool and step or stop with
-- candidates, and the invitations that decide who else sees a candidate.
--
-- A candidate exists without a vacancy (the pool): name, contact, source,
-- current role and company, tags (comma-separated, as typed), notes, who in
-- the team knows them (a user), the date consent was given and the date
-- until which their data is kept (retain_until; anonymising after it is a
-- later part). vacancy_id stays NULL in the pool; the vacancies table is
-- here so that the visibility rule (a manager sees the candidates of their
-- teams' vacancies) is real from the start.
--
-- Every contact is a conversation that ends in a STEP (what, by when, who)
-- or a STOP (a reason); steps live as deals' steps do (open, kept, missed,
-- cancelled; slips counted, the first agreed date kept). A candidate whose
-- last conversation was a stop has status 'stopped'.
--
-- Vacancies (title, team, territory, opening and target dates, status)
-- have their own pipeline in the organisation's vocabulary of stages
-- (recruit_stages: first talk, interview, a day riding along, offer,
-- hired, declined by default, in the organisation's language; admins
-- change the list). A candidate moved into a vacancy has a stage_id there.
--
-- An invitation lets any user of the organisation (usually a rep or a
-- manager) see one candidate to interview them: name, current role, the
-- vacancy — nothing else.

CREATE TABLE vacancies (
    id @TID@,
    org_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    team_id BIGINT,
    territory TEXT NOT NULL DEFAULT '',
    opens_on TEXT,
    target_on TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'closed')),
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id)
);

CREATE TABLE recruit_stages (
    id @TID@,
    org_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'open' CHECK (kind IN ('open', 'hired', 'declined')),
    created_at BIGINT NOT NULL,
    @TKEY@,
    UNIQUE (org_id, name)
);

CREATE TABLE candidates (
    id @TID@,
    org_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL CHECK (source IN ('referral', 'event', 'linkedin', 'agency', 'applied')),
    job_title TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    known_by BIGINT,
    consent_on TEXT,
    retain_until TEXT NOT NULL,
    vacancy_id BIGINT,
    stage_id BIGINT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped')),
    created_by BIGINT NOT NULL,
    created_on TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, known_by) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, vacancy_id) REFERENCES vacancies(org_id, id),
    FOREIGN KEY (org_id, stage_id) REFERENCES recruit_stages(org_id, id)
);
CREATE INDEX candidates_name ON candidates(org_id, name);
CREATE INDEX candidates_vacancy ON candidates(org_id, vacancy_id);

CREATE TABLE candidate_conversations (
    id @TID@,
    org_id BIGINT NOT NULL,
    candidate_id BIGINT NOT NULL,
    author_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    held_on TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL CHECK (outcome IN ('step', 'stop')),
    stop_reason TEXT,
    stop_note TEXT,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, candidate_id) REFERENCES candidates(org_id, id),
    FOREIGN KEY (org_id, author_id) REFERENCES users(org_id, id)
);
CREATE INDEX candidate_conversations_candidate ON candidate_conversations(org_id, candidate_id, held_on);

CREATE TABLE candidate_steps (
    id @TID@,
    org_id BIGINT NOT NULL,
    candidate_id BIGINT NOT NULL,
    conversation_id BIGINT NOT NULL,
    what TEXT NOT NULL,
    who TEXT NOT NULL,
    due_on TEXT NOT NULL,
    original_due TEXT NOT NULL,
    slips INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'missed', 'cancelled')),
    done_on TEXT,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, candidate_id) REFERENCES candidates(org_id, id),
    FOREIGN KEY (org_id, conversation_id) REFERENCES candidate_conversations(org_id, id)
);
CREATE INDEX candidate_steps_candidate ON candidate_steps(org_id, candidate_id, status);

CREATE TABLE candidate_invitations (
    id @TID@,
    org_id BIGINT NOT NULL,
    candidate_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    invited_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    @TKEY@,
    UNIQUE (org_id, candidate_id, user_id),
    FOREIGN KEY (org_id, candidate_id) REFERENCES candidates(org_id, id),
    FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, invited_by) REFERENCES users(org_id, id)
);
CREATE INDEX candidate_invitations_user ON candidate_invitations(org_id, user_id);
