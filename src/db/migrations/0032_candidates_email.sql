-- 0032: candidates found by e-mail (issue 11): the duplicate check of a new
-- or edited candidate and of every row of an imported file looks a
-- candidate up by (org_id, lower(email)); without this index each lookup
-- read the organisation's whole pool.

CREATE INDEX candidates_email ON candidates(org_id, lower(email));
