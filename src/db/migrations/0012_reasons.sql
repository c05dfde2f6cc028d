-- 0012: one list of reasons (issue 14). The reasons a conversation STOPs
-- for and the reasons a deal is lost for were two fixed lists in the code,
-- and only the second had "price" — the excuse check's headline reason. A
-- shared vocabulary is the point of the article, so they are now one list
-- per organisation, which its admins keep like the stages: add, rename,
-- reorder, retire. conversations.stop_reason and deals.lost_reason hold a
-- code of this list.
--
-- code: the seeded codes are the union of the two old lists, so history and
-- the excuse check keep working; an admin-added reason gets a code made from
-- its first label. label: '' for a seeded reason not renamed (it is shown
-- translated), else the text as the admin typed it. A retired reason
-- (retired_at set) is no longer offered but stays readable in history.
-- Keys name the organisation (0007; @TID@/@TKEY@).

CREATE TABLE reasons (
    id @TID@,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    code TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    retired_at BIGINT,
    created_at BIGINT NOT NULL,
    @TKEY@,
    UNIQUE (org_id, code)
);
CREATE INDEX reasons_position ON reasons(org_id, position);

-- every organisation that exists gets the seeded list (new ones get it when
-- they are created: store/orgs.c)
INSERT INTO reasons (org_id, code, label, position, created_at) SELECT id, 'price', '', 10, 0 FROM orgs;
INSERT INTO reasons (org_id, code, label, position, created_at) SELECT id, 'competitor', '', 20, 0 FROM orgs;
INSERT INTO reasons (org_id, code, label, position, created_at) SELECT id, 'no_budget', '', 30, 0 FROM orgs;
INSERT INTO reasons (org_id, code, label, position, created_at) SELECT id, 'no_need', '', 40, 0 FROM orgs;
INSERT INTO reasons (org_id, code, label, position, created_at) SELECT id, 'no_authority', '', 50, 0 FROM orgs;
INSERT INTO reasons (org_id, code, label, position, created_at) SELECT id, 'no_decision', '', 60, 0 FROM orgs;
INSERT INTO reasons (org_id, code, label, position, created_at) SELECT id, 'timing', '', 70, 0 FROM orgs;
INSERT INTO reasons (org_id, code, label, position, created_at) SELECT id, 'not_a_fit', '', 80, 0 FROM orgs;
INSERT INTO reasons (org_id, code, label, position, created_at) SELECT id, 'other', '', 90, 0 FROM orgs;
