-- 0039: the organisation's active reps from an index (issue 11, "Speed").
--
-- The hiring profile (store/hiring-profile.c) starts from every active rep
-- of the organisation (role 'rep', active 1) and needs only their ids: with
-- this index it reads a range of it instead of every user's row (1,036 at
-- the bench organisation: 5.0 -> 4.5 ms for the whole statement in the
-- sqlite3 shell, on a busy machine).
CREATE INDEX users_role ON users(org_id, role, active);
