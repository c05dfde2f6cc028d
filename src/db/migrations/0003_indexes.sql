-- 0003: indexes for the step-or-stop pages at scale (make bench: 1,000 reps,
-- 150,000 deals, 1,000,000 conversations). Each is shaped after the queries
-- that use it, so that a team's figures and its pipeline board read the
-- team's rows only, from the index alone where that is cheap, instead of
-- the organisation's whole year.

-- A rep's conversations by day, with the outcome: the figures' counts and
-- monthly trend read the index only (store/figures.c).
DROP INDEX conversations_rep;
CREATE INDEX conversations_rep ON conversations(org_id, rep_id, held_on, outcome);

-- A deal's conversations with what deal health and the win figures ask of
-- them (no commitment, minutes, progress, gut feeling): the board's health
-- signals and the closed-deal figures read the index only (store/deals.c,
-- store/figures.c).
DROP INDEX conversations_deal;
CREATE INDEX conversations_deal ON conversations(org_id, deal_id, held_on, outcome, progressed, minutes, gut_feeling);

-- A deal's steps by status and date, with the slips: the board's next step
-- (earliest open, no sort) and the "never broke" test.
DROP INDEX steps_deal;
CREATE INDEX steps_deal ON steps(org_id, deal_id, status, due, slips);

-- A rep's steps by the date first agreed: follow-through and the days
-- between steps read the index only.
CREATE INDEX steps_rep_agreed ON steps(org_id, rep_id, original_due, status, done_on, created_on, deal_id);

-- A rep's deals by status and closing day: the closed deals of a team in a
-- period, and a team's open deals on the board.
DROP INDEX deals_owner;
CREATE INDEX deals_owner ON deals(org_id, owner_id, status, closed_on);

-- Deals by stage (all of them, or the open ones): the stage list counts
-- both for every page that shows stages.
DROP INDEX deals_stage;
CREATE INDEX deals_stage ON deals(org_id, stage_id, status);
