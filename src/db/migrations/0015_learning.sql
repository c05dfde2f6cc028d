-- 0015: learning from within (issue 9). The learning log (activities with
-- their origin — self-initiated, suggested by the manager, or mandatory —
-- and a short reflection), mandatory trainings assigned to a team, the
-- library (items linked to traits, physical copies, loans, a waiting list,
-- ratings), and a team's sales meetings with their agenda, attendance and
-- the practice cases that rotate through them.
--
-- Privacy (domain/access.c): an activity, its reflection and a rep's index
-- are seen by the rep and the managers who lead the rep's team only; a
-- loan shows the borrower's name to the whole organisation, nothing else.
--
-- Time: hours are kept as whole minutes (exact sums; "1.5 h" is 90), dates
-- as 'YYYY-MM-DD' text like the rest of the schema. Keys as in 0011: every
-- key names the organisation, every foreign key is composite.

-- a mandatory training assigned to a team with a due date; each member of
-- the team at the time gets one learning_activities row (status 'assigned')
CREATE TABLE learning_assignments (
    id @TID@,
    org_id BIGINT NOT NULL,
    team_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    trait_id BIGINT,
    subskill_id BIGINT NOT NULL DEFAULT 0,
    minutes INTEGER NOT NULL DEFAULT 0,
    due_on TEXT NOT NULL,
    assigned_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id),
    FOREIGN KEY (org_id, trait_id) REFERENCES traits(org_id, id),
    FOREIGN KEY (org_id, assigned_by) REFERENCES users(org_id, id)
);
CREATE INDEX learning_assignments_team ON learning_assignments(org_id, team_id, due_on);

-- the library: books, articles, videos and courses; copies > 0 for a
-- physical item that is lent, 0 for one that is a link (nothing to lend)
CREATE TABLE library_items (
    id @TID@,
    org_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('book', 'article', 'video', 'course')),
    title TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    copies INTEGER NOT NULL DEFAULT 0 CHECK (copies >= 0),
    -- minutes it takes, roughly (a book's reading time); the learning
    -- activity of a return proposes it
    minutes INTEGER NOT NULL DEFAULT 0,
    added_by BIGINT NOT NULL,
    retired_at BIGINT,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, added_by) REFERENCES users(org_id, id)
);
CREATE INDEX library_items_title ON library_items(org_id, title);

-- the traits (and sub-skills, 0: the trait as a whole) an item serves
CREATE TABLE library_item_traits (
    org_id BIGINT NOT NULL,
    item_id BIGINT NOT NULL,
    trait_id BIGINT NOT NULL,
    subskill_id BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, item_id, trait_id, subskill_id),
    FOREIGN KEY (org_id, item_id) REFERENCES library_items(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, trait_id) REFERENCES traits(org_id, id)
);
CREATE INDEX library_item_traits_trait ON library_item_traits(org_id, trait_id);

-- a loan of one copy: open while returned_on is NULL. At most `copies`
-- open loans per item (checked in the lending transaction, which locks
-- the item's row first); the takeaway and the rating are asked on return
CREATE TABLE library_loans (
    id @TID@,
    org_id BIGINT NOT NULL,
    item_id BIGINT NOT NULL,
    borrower_id BIGINT NOT NULL,
    lent_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    returned_on TEXT,
    takeaway TEXT NOT NULL DEFAULT '',
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, item_id) REFERENCES library_items(org_id, id),
    FOREIGN KEY (org_id, borrower_id) REFERENCES users(org_id, id)
);
CREATE INDEX library_loans_item ON library_loans(org_id, item_id, returned_on);
CREATE INDEX library_loans_borrower ON library_loans(org_id, borrower_id, returned_on);

-- the waiting list of an item: first come, first served; served_at set
-- when the person got a copy (or left the list)
CREATE TABLE library_waitlist (
    id @TID@,
    org_id BIGINT NOT NULL,
    item_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    served_at BIGINT,
    @TKEY@,
    FOREIGN KEY (org_id, item_id) REFERENCES library_items(org_id, id),
    FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);
CREATE INDEX library_waitlist_item ON library_waitlist(org_id, item_id, served_at, created_at);

-- the case library: situations practised at sales meetings
CREATE TABLE practice_cases (
    id @TID@,
    org_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    situation TEXT NOT NULL DEFAULT '',
    challenge TEXT NOT NULL DEFAULT '',
    good_handling TEXT NOT NULL DEFAULT '',
    trait_id BIGINT,
    added_by BIGINT NOT NULL,
    retired_at BIGINT,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, trait_id) REFERENCES traits(org_id, id),
    FOREIGN KEY (org_id, added_by) REFERENCES users(org_id, id)
);

-- a team's sales meeting; 'prepared' only with a practice case or a piece
-- of theory on the agenda (domain/meetings.c), 'held' once it took place
CREATE TABLE sales_meetings (
    id @TID@,
    org_id BIGINT NOT NULL,
    team_id BIGINT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    held_on TEXT NOT NULL,
    starts_at TEXT NOT NULL DEFAULT '09:00',
    minutes INTEGER NOT NULL DEFAULT 60,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'prepared', 'held')),
    notes TEXT NOT NULL DEFAULT '',
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    @TKEY@,
    FOREIGN KEY (org_id, team_id) REFERENCES teams(org_id, id),
    FOREIGN KEY (org_id, created_by) REFERENCES users(org_id, id)
);
CREATE INDEX sales_meetings_team ON sales_meetings(org_id, team_id, held_on);

-- an agenda item: a topic, a practice case (case_id) or a piece of theory
-- (title, optionally a library item), with who presents it
CREATE TABLE meeting_items (
    id @TID@,
    org_id BIGINT NOT NULL,
    meeting_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('topic', 'case', 'theory')),
    title TEXT NOT NULL DEFAULT '',
    case_id BIGINT,
    library_item_id BIGINT,
    presenter_id BIGINT,
    position INTEGER NOT NULL DEFAULT 0,
    @TKEY@,
    FOREIGN KEY (org_id, meeting_id) REFERENCES sales_meetings(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, case_id) REFERENCES practice_cases(org_id, id),
    FOREIGN KEY (org_id, library_item_id) REFERENCES library_items(org_id, id),
    FOREIGN KEY (org_id, presenter_id) REFERENCES users(org_id, id)
);
CREATE INDEX meeting_items_meeting ON meeting_items(org_id, meeting_id, position);
CREATE INDEX meeting_items_case ON meeting_items(org_id, case_id);

-- who was there (present 1) or sent apologies (present 0); members of the
-- meeting's team only
CREATE TABLE meeting_attendance (
    org_id BIGINT NOT NULL,
    meeting_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    present INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (org_id, meeting_id, user_id),
    FOREIGN KEY (org_id, meeting_id) REFERENCES sales_meetings(org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, user_id) REFERENCES users(org_id, id)
);

-- the learning log. status 'done' is an activity that took place (done_on
-- set; the only ones the index and the hours count); 'suggested' a
-- manager's suggestion the rep has not answered, 'accepted' one they took
-- on and have not done yet, 'declined' one they turned down; 'assigned' a
-- mandatory training not yet completed (due_on from its assignment).
-- origin says who started it: the rep ('self'), the manager ('suggested')
-- or the organisation ('mandatory'). A return of a library item (loan_id),
-- attendance at a sales meeting (meeting_id) and an assignment
-- (assignment_id) each write their row here.
CREATE TABLE learning_activities (
    id @TID@,
    org_id BIGINT NOT NULL,
    rep_id BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('course', 'training_day', 'book', 'article', 'seminar', 'webinar',
        'coaching', 'ride_along', 'joint_call', 'practice_case', 'mentoring', 'workshop', 'other')),
    title TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('self', 'suggested', 'mandatory')),
    status TEXT NOT NULL DEFAULT 'done'
        CHECK (status IN ('done', 'suggested', 'accepted', 'declined', 'assigned')),
    done_on TEXT,
    due_on TEXT,
    minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    trait_id BIGINT,
    subskill_id BIGINT NOT NULL DEFAULT 0,
    learned TEXT NOT NULL DEFAULT '',
    will_change TEXT NOT NULL DEFAULT '',
    suggested_by BIGINT,
    assignment_id BIGINT,
    library_item_id BIGINT,
    loan_id BIGINT,
    meeting_id BIGINT,
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    CHECK (status <> 'done' OR done_on IS NOT NULL),
    @TKEY@,
    FOREIGN KEY (org_id, rep_id) REFERENCES users(org_id, id),
    FOREIGN KEY (org_id, trait_id) REFERENCES traits(org_id, id),
    FOREIGN KEY (org_id, assignment_id) REFERENCES learning_assignments(org_id, id),
    FOREIGN KEY (org_id, library_item_id) REFERENCES library_items(org_id, id),
    FOREIGN KEY (org_id, loan_id) REFERENCES library_loans(org_id, id),
    FOREIGN KEY (org_id, meeting_id) REFERENCES sales_meetings(org_id, id) ON DELETE CASCADE
);
CREATE INDEX learning_rep_done ON learning_activities(org_id, rep_id, status, done_on);
CREATE INDEX learning_done ON learning_activities(org_id, status, done_on);
CREATE INDEX learning_assignment ON learning_activities(org_id, assignment_id);
CREATE INDEX learning_meeting ON learning_activities(org_id, meeting_id);
