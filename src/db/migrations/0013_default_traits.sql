-- 0013: the competency framework of issue 8 — the five default traits of
-- the articles (goal-oriented, accountable, eager to learn, motivated,
-- customer-oriented) with their definitions, behavioural anchors for the
-- scores 1, 3 and 5 and their sub-skills, for every organisation that
-- exists. New organisations get them from store/traits.c (traits_seed),
-- which holds the same English texts: a trait whose code is set and
-- whose text is unchanged is shown translated in the reader's language.

INSERT INTO traits (org_id, code, name, definition, anchor1, anchor3, anchor5, position, created_at)
SELECT o.id, 'goal', 'Goal-oriented',
    'Sets their own goals, knows their numbers and works every day on the skills to reach them.',
    'Works without goals of their own and does not know where they stand against the target.',
    'Knows the target and roughly where they stand; plans from week to week.',
    'Sets goals beyond the target, knows their numbers at any moment and plans the work back from them.',
    10, @NOW@
FROM orgs o WHERE NOT EXISTS (SELECT 1 FROM traits t WHERE t.org_id = o.id AND t.code = 'goal');

INSERT INTO subskills (org_id, trait_id, name, definition, position, created_at)
SELECT t.org_id, t.id, v.column1, v.column2, v.column3, @NOW@
FROM traits t JOIN (VALUES
    ('Winning the customer''s trust', 'Customers rely on what they promise and come back to them.', 10),
    ('Gaining market share', 'Wins new accounts and a larger share of existing ones, quarter after quarter.', 20),
    ('Knowing when to push and when to brake', 'Presses for a decision when the customer is ready, and gives room when they are not.', 30),
    ('Representing the company correctly', 'Promises only what the company delivers, in its tone and on its terms.', 40),
    ('Knowing one''s numbers', 'Knows their pipeline, attainment and commitment rate without looking them up.', 50)
) v ON t.code = 'goal'
WHERE NOT EXISTS (SELECT 1 FROM subskills s WHERE s.org_id = t.org_id AND s.trait_id = t.id AND s.name = v.column1);

INSERT INTO traits (org_id, code, name, definition, anchor1, anchor3, anchor5, position, created_at)
SELECT o.id, 'accountable', 'Accountable',
    'Owns themselves, the product and the process, and takes full responsibility for the outcome of their actions.',
    'Blames the price, the product or colleagues for lost deals; lets commitments slip.',
    'Keeps most commitments and admits a mistake when asked about it.',
    'Owns every outcome, keeps every commitment and sets a standard above what is asked.',
    20, @NOW@
FROM orgs o WHERE NOT EXISTS (SELECT 1 FROM traits t WHERE t.org_id = o.id AND t.code = 'accountable');

INSERT INTO subskills (org_id, trait_id, name, definition, position, created_at)
SELECT t.org_id, t.id, v.column1, v.column2, v.column3, @NOW@
FROM traits t JOIN (VALUES
    ('Keeping commitments', 'Does what they said they would do, when they said it.', 10),
    ('Owning mistakes', 'Names their own part in a lost deal and fixes what they can.', 20),
    ('Mastering the product and the process', 'Knows the product and the sales process well enough to answer without help.', 30),
    ('Setting high standards', 'Aims for the best result, not for the least that is accepted.', 40)
) v ON t.code = 'accountable'
WHERE NOT EXISTS (SELECT 1 FROM subskills s WHERE s.org_id = t.org_id AND s.trait_id = t.id AND s.name = v.column1);

INSERT INTO traits (org_id, code, name, definition, anchor1, anchor3, anchor5, position, created_at)
SELECT o.id, 'learning', 'Eager to learn',
    'Keeps learning throughout their career, seeks training and feedback and tries new ways to solve their challenges.',
    'Follows only the training the company requires and keeps repeating the same approach.',
    'Takes part in training when it is offered and applies some of it.',
    'Seeks feedback and training on their own, tries new techniques and shares what works.',
    30, @NOW@
FROM orgs o WHERE NOT EXISTS (SELECT 1 FROM traits t WHERE t.org_id = o.id AND t.code = 'learning');

INSERT INTO subskills (org_id, trait_id, name, definition, position, created_at)
SELECT t.org_id, t.id, v.column1, v.column2, v.column3, @NOW@
FROM traits t JOIN (VALUES
    ('Asking for feedback', 'Asks the manager and colleagues how a conversation could have gone better.', 10),
    ('Trying new techniques', 'Tries a new approach in real conversations and judges it by the results.', 20),
    ('Learning from lost deals', 'Looks for the reason behind each stop and changes something because of it.', 30),
    ('Sharing what works', 'Passes on what they learned to the team.', 40)
) v ON t.code = 'learning'
WHERE NOT EXISTS (SELECT 1 FROM subskills s WHERE s.org_id = t.org_id AND s.trait_id = t.id AND s.name = v.column1);

INSERT INTO traits (org_id, code, name, definition, anchor1, anchor3, anchor5, position, created_at)
SELECT o.id, 'motivated', 'Motivated',
    'Driven to exceed their targets; keeps going when things are hard and sees problems as chances to grow.',
    'Gives up after a few rejections and waits to be told what to do.',
    'Keeps going in an ordinary week; a run of rejections slows them down.',
    'Keeps up the pace after rejections, takes the initiative and turns setbacks into chances.',
    40, @NOW@
FROM orgs o WHERE NOT EXISTS (SELECT 1 FROM traits t WHERE t.org_id = o.id AND t.code = 'motivated');

INSERT INTO subskills (org_id, trait_id, name, definition, position, created_at)
SELECT t.org_id, t.id, v.column1, v.column2, v.column3, @NOW@
FROM traits t JOIN (VALUES
    ('Persevering after rejection', 'Picks up the phone again after a no, with the same energy.', 10),
    ('Taking the initiative', 'Starts things without being asked: new prospects, follow-ups, ideas.', 20),
    ('Drive to exceed the target', 'Treats the target as a floor, not a ceiling.', 30)
) v ON t.code = 'motivated'
WHERE NOT EXISTS (SELECT 1 FROM subskills s WHERE s.org_id = t.org_id AND s.trait_id = t.id AND s.name = v.column1);

INSERT INTO traits (org_id, code, name, definition, anchor1, anchor3, anchor5, position, created_at)
SELECT o.id, 'customer', 'Customer-oriented',
    'Puts the customer at the centre: speaks their language, listens to their concerns and is driven to help them.',
    'Talks about the product rather than the customer''s problem and misses their concerns.',
    'Listens and asks questions, but sometimes pushes the product before the need is clear.',
    'Understands the customer''s world, listens actively and is trusted to help them decide.',
    50, @NOW@
FROM orgs o WHERE NOT EXISTS (SELECT 1 FROM traits t WHERE t.org_id = o.id AND t.code = 'customer');

INSERT INTO subskills (org_id, trait_id, name, definition, position, created_at)
SELECT t.org_id, t.id, v.column1, v.column2, v.column3, @NOW@
FROM traits t JOIN (VALUES
    ('Asking the right questions', 'Asks questions that uncover the need, the budget and who decides.', 10),
    ('Handling criticism and complaints', 'Listens to a complaint to the end and turns it into a next step.', 20),
    ('Closing the deal', 'Asks for the decision at the right moment and gets a clear yes or no.', 30),
    ('Listening actively', 'Lets the customer talk and sums up what they heard before answering.', 40)
) v ON t.code = 'customer'
WHERE NOT EXISTS (SELECT 1 FROM subskills s WHERE s.org_id = t.org_id AND s.trait_id = t.id AND s.name = v.column1);
