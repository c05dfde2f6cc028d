-- 0035: the hiring profile at scale (issue 11, "Speed";
-- scripts/bench-recruiting.sh).
--
-- rollup_won_months_month with the sums in it, on SQLite only: the numbers
-- grid over a year of the organisation's won months (tiers, numbers, the
-- hiring profile) then reads one range of this index instead of looking up
-- every row's sums in the table (11,288 rows at 1,000 reps: 4-5 ms -> 2 ms in
-- the sqlite3 shell). PostgreSQL keeps the narrow index of 0027: with the sums
-- in it an update of them would no longer be a HOT update.
-- @sqlite
DROP INDEX rollup_won_months_month;
CREATE INDEX rollup_won_months_month ON rollup_won_months(org_id, month, rep_id, n, value_minor);
-- @end
