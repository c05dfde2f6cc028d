-- 0031: candidates' data (issue 11): the day a candidate was anonymised.
--
-- After retain_until, Salesgarden anonymises a candidate (the daily sweep of
-- jobs/candidate-retention.c, or 'salesgarden candidates anonymise'): the
-- name becomes "Anonymised candidate #id", the contact details, role,
-- company, tags and notes are emptied, as are the notes of their
-- conversations and the evidence of their scorecards; the rows stay, so the
-- funnel's counts do. anonymised_at says it happened (and when), so that a
-- candidate is anonymised once.

ALTER TABLE candidates ADD COLUMN anonymised_at TEXT;
