-- 0028: recruiting, part 3 (issue 11): interviews and their scorecards on
-- the organisation's traits, the suggested interview questions, and a hire.
--
-- An interview of a candidate (for a vacancy, or none while in the pool) has
-- one scorecard per interviewer: a score 1-5 per trait with the evidence
-- heard, and an overall recommendation. Interviewers score independently: a
-- scorecard is a draft until submitted, and an interviewer sees others'
-- scores only once their own is submitted (domain/access.c). A submitted
-- scorecard changes only after it is reopened (reopened counts how often;
-- the audit log says by whom).
--
-- Suggested questions per trait: the defaults are in the code, translated
-- (po/); an organisation's own, typed by an admin in one language, replace
-- the defaults for that trait and language.
--
-- A hire creates the rep (users) and records it on the candidate
-- (hired_user_id, hired_on); the interview evidence becomes the rep's first
-- assessment, in a round marked from_interviews.

CREATE TABLE interviews (
    id @TID@,
    org_id BIGINT NOT NULL,
    candidate_id BIGINT NOT NULL,
    vacancy_id BIGINT,
    held_on TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'interview' CHECK (kind IN ('interview', 'ride_along', 'case', 'phone')),
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, candidate_id) REFERENCES candidates(org_id, id),
    FOREIGN KEY (org_id, vacancy_id) REFERENCES vacancies(org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES users(org_id, id)
);
CREATE INDEX interviews_candidate ON interviews(org_id, candidate_id, held_on);

CREATE TABLE scorecards (
    id @TID@,
    org_id BIGINT NOT NULL,
    interview_id BIGINT NOT NULL,
    candidate_id BIGINT NOT NULL,
    interviewer_id BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
    recommendation TEXT CHECK (recommendation IN ('strong_no', 'no', 'yes', 'strong_yes')),
    submitted_at BIGINT,
    reopened INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    @TKEY@,
    UNIQUE (org_id, interview_id, interviewer_id),
    FOREIGN KEY (org_id, interview_id) REFERENCES interviews(org_id, id),
    FOREIGN KEY (org_id, candidate_id) REFERENCES candidates(org_id, id),
    FOREIGN KEY (org_id, interviewer_id) REFERENCES users(org_id, id)
);
CREATE INDEX scorecards_candidate ON scorecards(org_id, candidate_id, status);
CREATE INDEX scorecards_interviewer ON scorecards(org_id, interviewer_id, status);

CREATE TABLE scorecard_scores (
    org_id BIGINT NOT NULL,
    scorecard_id BIGINT NOT NULL,
    trait_id BIGINT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    evidence TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (org_id, scorecard_id, trait_id),
    FOREIGN KEY (org_id, scorecard_id) REFERENCES scorecards(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, trait_id) REFERENCES traits(org_id, id)
);

CREATE TABLE interview_questions (
    id @TID@,
    org_id BIGINT NOT NULL,
    trait_id BIGINT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('en', 'nl', 'nb')),
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, trait_id) REFERENCES traits(org_id, id)
);
CREATE INDEX interview_questions_trait ON interview_questions(org_id, trait_id, lang, position);

ALTER TABLE candidates ADD COLUMN hired_user_id BIGINT;
ALTER TABLE candidates ADD COLUMN hired_on TEXT;
ALTER TABLE assessment_rounds ADD COLUMN from_interviews INTEGER NOT NULL DEFAULT 0;
