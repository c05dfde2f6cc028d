-- 0034: recruiting at scale (issue 11, "Speed"; scripts/bench-recruiting.sh:
-- 10,000 candidates, 30,000 scorecards on the bench organisation).
--
-- candidates_sort: the talent pool lists candidates by lower(name), id, 50
-- a page; with this index the first page is read in order and the list stops
-- after 50, instead of every candidate the viewer may see being read and
-- sorted (with the counts of each one's conversations and steps).
CREATE INDEX candidates_sort ON candidates(org_id, lower(name), id);

-- candidate_steps_conversation: a candidate's history joins each
-- conversation to the step it agreed (by conversation_id); without it every
-- conversation read all the organisation's candidate steps.
CREATE INDEX candidate_steps_conversation ON candidate_steps(org_id, conversation_id);

-- assessments_latest: the hiring profile reads each rep's latest submitted
-- manager assessment; with this index that is a short range per rep, not
-- all of the rep's assessments (self, peer and manager, every round).
CREATE INDEX assessments_latest ON assessments(org_id, rep_id, rater_kind, status, submitted_at);
