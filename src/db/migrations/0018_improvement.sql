-- 0018: underperformers — a plan and a decision (issue 10). When a rep is
-- an underperformer by the tiers, or their manager flags them, the manager
-- records a diagnosis (why: skill, will, circumstances, onboarding, fit,
-- other, with the notes of the conversation that asked why) and an
-- improvement plan: measurable expectations on figures Salesgarden has
-- (service/plan-metrics.c), support (trainings, ride-alongs, coaching,
-- linking to the learning log, one-on-ones and observations), review dates
-- with their outcomes, and at the end a decision.
--
-- A row starts as 'flagged' (no plan yet), becomes 'open' once the plan has
-- its days, and 'closed' with a final decision (improved, another role,
-- parting ways). Extending is not final: it moves plan_end once (extended_on
-- set) and the plan stays open.
--
-- The rep's private data (access_improve_see): the rep sees their plan
-- once it is a plan, never the diagnosis, its notes or the decision note
-- (access_improve_diagnosis: the leading manager's).

CREATE TABLE improvement_plans (
    id @TID@,
    org_id BIGINT NOT NULL,
    rep_id BIGINT NOT NULL,
    -- how the rep came to have one: 'tiers' (an underperformer in a period,
    -- period_label) or 'flag' (the manager's own judgement)
    source TEXT NOT NULL DEFAULT 'flag' CHECK (source IN ('tiers', 'flag')),
    period_label TEXT NOT NULL DEFAULT '',
    flagged_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'flagged' CHECK (status IN ('flagged', 'open', 'closed')),
    diagnosis TEXT NOT NULL DEFAULT ''
        CHECK (diagnosis IN ('', 'skill', 'will', 'circumstances', 'onboarding', 'fit', 'other')),
    diagnosis_notes TEXT NOT NULL DEFAULT '',
    plan_start TEXT,
    plan_end TEXT,
    extended_on TEXT,
    decision TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'improved', 'another_role', 'parting')),
    decided_on TEXT,
    decision_note TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    CHECK (plan_start IS NULL OR plan_end IS NULL OR plan_start <= plan_end),
    CHECK ((status = 'closed') = (decision <> '')),
    @TKEY@,
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES users(org_id, id)
);
CREATE INDEX improvement_plans_rep ON improvement_plans(org_id, rep_id, status);
CREATE INDEX improvement_plans_status ON improvement_plans(org_id, status, flagged_on);

-- the plan's parts: an expectation (a figure and its target), a support
-- item (a training, ride-along or coaching, optionally linked to the
-- rep's learning activity, one-on-one or observation) or a review date
-- (its outcome noted once held)
CREATE TABLE improvement_items (
    id @TID@,
    org_id BIGINT NOT NULL,
    plan_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('expectation', 'support', 'review')),
    text TEXT NOT NULL DEFAULT '',
    metric TEXT NOT NULL DEFAULT '',
    baseline @REAL@,
    target @REAL@,
    support_kind TEXT NOT NULL DEFAULT '' CHECK (support_kind IN ('', 'training', 'ride_along', 'coaching')),
    link_kind TEXT NOT NULL DEFAULT '' CHECK (link_kind IN ('', 'learning', 'one_on_one', 'observation')),
    link_id BIGINT,
    on_date TEXT,
    outcome TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, plan_id) REFERENCES improvement_plans(org_id, id) ON DELETE CASCADE
);
CREATE INDEX improvement_items_plan ON improvement_items(org_id, plan_id, kind, id);
CREATE INDEX improvement_items_review ON improvement_items(org_id, kind, on_date);
