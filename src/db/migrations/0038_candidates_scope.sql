-- 0038: the talent pool's count from an index (issue 11, "Speed";
-- scripts/bench-recruiting.sh: 10,000 candidates).
--
-- The pool shows "50 of N"; N is counted over every candidate the viewer may
-- see. Without a text filter that count reads only the vacancy, stage,
-- status and source of each candidate (store/recruit.c, cand_count_sql), all
-- in this index: a range of it instead of every candidate's row, 3.3-3.5 ms
-- -> 1.8 ms in the sqlite3 shell for a manager. It starts with the columns of
-- candidates_vacancy (0026), which it replaces.
DROP INDEX candidates_vacancy;
CREATE INDEX candidates_scope ON candidates(org_id, vacancy_id, stage_id, status, source);
