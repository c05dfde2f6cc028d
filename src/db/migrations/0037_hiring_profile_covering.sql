-- 0037: the hiring profile's scores from covering indexes (issue 11,
-- "Speed"; scripts/bench-recruiting.sh).
--
-- The profile reads each current rep's latest submitted manager assessment
-- (not one of a round "from interviews") and sums its scores by trait. At
-- 1,000 reps that statement took 7-8 ms in the sqlite3 shell, most of it
-- looking up table rows the indexes did not hold: each candidate
-- assessment's round (assessments_latest of 0034 had no round_id) and each
-- of its scores (the primary key's index has no score). With both in the
-- indexes it reads no table row: 2.2 ms.
--
-- assessments_latest: id before round_id, so that the index's own order is
-- the statement's (submitted_at DESC, id DESC) and no sort is needed.
DROP INDEX assessments_latest;
CREATE INDEX assessments_latest ON assessments(org_id, rep_id, rater_kind, status, submitted_at, id, round_id);

-- assessment_scores_sums: the scores of one assessment, by trait, with the
-- score in the index.
CREATE INDEX assessment_scores_sums ON assessment_scores(org_id, assessment_id, trait_id, score);
