// route-matrix: every route of the route table × every kind of caller ×
// both organisations, generated from the table itself. `salesgarden routes`
// prints the table; this test fails when a route has no row below (and when
// a row names a route that no longer exists), so a new route cannot be
// added without saying who may call it.
//
// The callers: anonymous; rep of team A (Rita, North) and of team B (Rob,
// South); the manager of A (Max) and of B (Mia); the admin (Ann); another
// organisation's admin (Bea) and rep (Ben). Each calls with a session cookie
// and, for JSON routes, with an API token as well. Routes with an id get an
// object of Rita's (a rep of team A), so "self", "the same team's manager",
// "another team" and "another organisation" are all asked. Bodies are empty
// on purpose: a caller who may not act gets 401/403/404 before any field is
// read; one who may gets past the rights (200, 201, 303, 400, 409 ...).
//
// Beside the status, no answer to a caller who may not see Rita's work
// carries her deal's title, her step or her notes, and no answer to the
// other organisation carries anything of the first one.
//
// roles.test.mjs and deal-rights.test.mjs check the contents of the pages in
// detail; this file is the exhaustive, shallow part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, testCleanStop, createToken, apiClient, Client, sgOk, addUser, sqlExec } from './lib.mjs';

const ctx = useServer({ env: { SALESGARDEN_TODAY: '2026-11-23' } });

const CALLERS = ['anon', 'repA', 'repB', 'mgrA', 'mgrB', 'admin', 'xAdmin', 'xRep'];
const EMAILS = {
  repA: 'rita@acme.test', repB: 'rob@acme.test', mgrA: 'max@acme.test', mgrB: 'mia@acme.test',
  admin: 'ann@acme.test', xAdmin: 'bea@beta.test', xRep: 'ben@beta.test',
};
// who may see Rita's private work (her deals, steps, notes)
const SEES_RITA = new Set(['repA', 'mgrA', 'admin']);

// expectations: OK = past the rights (any status but 401/403/404 and below
// 500; for a page not a redirect to the sign-in); LOGIN = sent to sign in
// (303 to /login for a page, 401 for JSON); or an exact status
const OK = 'ok', LOGIN = 'login';
const PUBLIC = Object.fromEntries(CALLERS.map((c) => [c, OK]));
const SIGNED_IN = { ...PUBLIC, anon: LOGIN };
const MANAGERS = { anon: LOGIN, repA: 403, repB: 403, mgrA: OK, mgrB: OK, admin: OK, xAdmin: OK, xRep: 403 };
const ADMINS = { anon: LOGIN, repA: 403, repB: 403, mgrA: 403, mgrB: 403, admin: OK, xAdmin: OK, xRep: 403 };
// an admin route about an object of organisation A
const ADMIN_OF_A = { ...ADMINS, xAdmin: 404 };
// an admin route about an id that does not exist (there is no import yet):
// the role is checked first, so only the admins get as far as the 404
const ADMINS_NONE = { ...ADMINS, admin: 404, xAdmin: 404 };
// Rita's private work: herself, her team's manager, the admin
const RITAS = { anon: LOGIN, repA: OK, repB: 403, mgrA: OK, mgrB: 403, admin: OK, xAdmin: 404, xRep: 404 };
// the organisation's shared address book (accounts, contacts) and its stages
const SHARED = { ...SIGNED_IN, xAdmin: 404, xRep: 404 };
// a conversation Rita logged: only she changes it
const AUTHOR = { anon: LOGIN, repA: OK, repB: 403, mgrA: 403, mgrB: 403, admin: 403, xAdmin: 404, xRep: 404 };
// Rita's target, set by whoever manages her team (a manager route: the role first)
const TARGET_SET = { anon: LOGIN, repA: 403, repB: 403, mgrA: OK, mgrB: 403, admin: OK, xAdmin: 404, xRep: 403 };
const ALL_404 = Object.fromEntries(CALLERS.map((c) => [c, 404]));
// Rita's API token: she and the organisation's admin may revoke it (someone
// else's token is a 404, like a missing one)
const TOKEN_OWNER = { anon: LOGIN, repA: OK, repB: 404, mgrA: 404, mgrB: 404, admin: OK, xAdmin: 404, xRep: 404 };
// the token page revokes one's own tokens only
const OWN_TOKEN = { ...TOKEN_OWNER, admin: 404 };

/*
 * One row per route: who (the expectation per caller), and the path to ask
 * when the pattern has an id or a * (a function of the fixture). fresh: an
 * object made anew for each call (a DELETE). skip: why a route is not called
 * here (its row is still required).
 */
const ROWS = {
  // running it for real (issue 16): counts by route, no one's data; this machine
  // (these callers all are) or the token (observability.test.mjs covers the refusals)
  'GET /metrics': { who: PUBLIC },
  'GET /login': { who: PUBLIC },
  'POST /login': { who: PUBLIC },
  'POST /logout': { who: SIGNED_IN, skip: 'signing out ends the session the other rows use; login.test.mjs covers it' },
  'POST /lang': { who: PUBLIC },

  'GET /': { who: SIGNED_IN },
  'GET /teams': { who: SIGNED_IN },
  'GET /account': { who: SIGNED_IN },
  'POST /account/password': { who: SIGNED_IN },

  'GET /admin/teams': { who: ADMINS },
  'POST /admin/teams': { who: ADMINS },
  'GET /admin/teams/:id': { who: ADMIN_OF_A, path: (f) => `/admin/teams/${f.north}` },
  'POST /admin/teams/:id': { who: ADMIN_OF_A, path: (f) => `/admin/teams/${f.north}` },
  'GET /admin/users': { who: ADMINS },
  'POST /admin/users': { who: ADMINS },
  'GET /admin/users/:id': { who: ADMIN_OF_A, path: (f) => `/admin/users/${f.vic}` },
  'POST /admin/users/:id': { who: ADMIN_OF_A, path: (f) => `/admin/users/${f.vic}` },
  'POST /admin/users/:id/active': { who: ADMIN_OF_A, path: (f) => `/admin/users/${f.vic}/active` },

  'GET /pipeline': { who: SIGNED_IN },
  'GET /deals': { who: SIGNED_IN },
  'GET /deals/new': { who: SIGNED_IN },
  'POST /deals': { who: SIGNED_IN },
  'GET /deals/:id': { who: RITAS, path: (f) => `/deals/${f.deal}` },
  'POST /deals/:id': { who: RITAS, path: (f) => `/deals/${f.deal}` },
  'POST /deals/:id/close': { who: RITAS, path: (f) => `/deals/${f.deal}/close` },
  'POST /deals/:id/reopen': { who: RITAS, path: (f) => `/deals/${f.deal}/reopen` },
  'GET /accounts': { who: SIGNED_IN },
  'POST /accounts': { who: SIGNED_IN },
  'GET /accounts/:id': { who: SHARED, path: (f) => `/accounts/${f.account}` },
  'POST /accounts/:id/contacts': { who: SHARED, path: (f) => `/accounts/${f.account}/contacts` },

  'GET /conversations/new': { who: SIGNED_IN },
  'POST /conversations': { who: SIGNED_IN },
  'GET /agenda': { who: SIGNED_IN },
  'POST /steps/:id/keep': { who: RITAS, path: (f) => `/steps/${f.step}/keep` },
  'POST /steps/:id/slip': { who: RITAS, path: (f) => `/steps/${f.step}/slip` },
  'POST /steps/:id/cancel': { who: RITAS, path: (f) => `/steps/${f.step}/cancel` },
  'POST /account/calendar': { who: SIGNED_IN },
  'POST /account/tokens/:id/revoke': { who: OWN_TOKEN, fresh: 'token', path: (f) => `/account/tokens/${f.token}/revoke` },
  'POST /account/calendar/revoke': { who: SIGNED_IN },
  // a feed is reached by its secret alone; an unknown one is not found, for anyone
  'GET /calendar/*': { who: ALL_404, path: () => '/calendar/sg_cal_not-a-feed.ics' },

  'GET /figures/commitment': { who: SIGNED_IN },
  'GET /strung-along': { who: SIGNED_IN },
  // the rep page is Rita's private data (access_private): herself and her
  // team's manager; an admin who does not lead her team is not
  'GET /reps/:id': { who: { ...RITAS, admin: 403 }, path: (f) => `/reps/${f.rita}` },
  'GET /figures/team': { who: MANAGERS },
  'GET /admin/stages': { who: ADMINS },
  'POST /admin/stages': { who: ADMINS },
  'POST /admin/stages/:id': { who: ADMIN_OF_A, path: (f) => `/admin/stages/${f.stage}` },
  'POST /admin/stages/:id/delete': { who: ADMIN_OF_A, path: (f) => `/admin/stages/${f.stage2}/delete` },
  'POST /admin/health': { who: ADMINS },
  'GET /conversations': { who: SIGNED_IN },

  'GET /numbers': { who: SIGNED_IN },
  'GET /numbers/team': { who: MANAGERS },
  'GET /targets': { who: MANAGERS },
  'POST /targets': { who: MANAGERS },
  'GET /tiers': { who: MANAGERS },
  'GET /concentration': { who: MANAGERS },
  'GET /excuses': { who: SIGNED_IN },
  'GET /admin/numbers': { who: ADMINS },
  'POST /admin/numbers': { who: ADMINS },

  'GET /import': { who: ADMINS },
  'POST /import': { who: ADMINS },
  'GET /import/:id': { who: ADMINS_NONE, path: () => '/import/999999' },
  'POST /import/:id/run': { who: ADMINS_NONE, path: () => '/import/999999/run' },
  'GET /imports/:id': { who: ADMINS_NONE, path: () => '/imports/999999' },

  'GET /api/v1': { who: PUBLIC },
  'GET /api/v1/openapi.json': { who: PUBLIC },
  'GET /api/v1/me': { who: SIGNED_IN },
  'GET /api/v1/teams': { who: SIGNED_IN },
  'POST /api/v1/teams': { who: ADMINS },
  'GET /api/v1/teams/:id': { who: RITAS, path: (f) => `/api/v1/teams/${f.north}` },
  'GET /api/v1/users': { who: SIGNED_IN },
  'POST /api/v1/users': { who: ADMINS },
  'GET /api/v1/users/:id': { who: RITAS, path: (f) => `/api/v1/users/${f.rita}` },
  'GET /api/v1/stages': { who: SIGNED_IN },
  'POST /api/v1/stages': { who: ADMINS },
  'GET /api/v1/stages/:id': { who: SHARED, path: (f) => `/api/v1/stages/${f.stage}` },
  'PATCH /api/v1/stages/:id': { who: ADMIN_OF_A, path: (f) => `/api/v1/stages/${f.stage}` },
  'GET /api/v1/accounts': { who: SIGNED_IN },
  'POST /api/v1/accounts': { who: SIGNED_IN },
  'GET /api/v1/accounts/:id': { who: SHARED, path: (f) => `/api/v1/accounts/${f.account}` },
  // renaming an account is for whoever may see its owner's deals (Rita's)
  'PATCH /api/v1/accounts/:id': { who: RITAS, path: (f) => `/api/v1/accounts/${f.account}` },
  'GET /api/v1/deals': { who: SIGNED_IN },
  'POST /api/v1/deals': { who: SIGNED_IN },
  'GET /api/v1/deals/:id': { who: RITAS, path: (f) => `/api/v1/deals/${f.deal}` },
  'PATCH /api/v1/deals/:id': { who: RITAS, path: (f) => `/api/v1/deals/${f.deal}` },
  'GET /api/v1/conversations': { who: SIGNED_IN },
  'POST /api/v1/conversations': { who: SIGNED_IN },
  'GET /api/v1/conversations/:id': { who: RITAS, path: (f) => `/api/v1/conversations/${f.conv}` },
  'PATCH /api/v1/conversations/:id': { who: AUTHOR, path: (f) => `/api/v1/conversations/${f.conv}` },
  'GET /api/v1/steps': { who: SIGNED_IN },
  'GET /api/v1/steps/:id': { who: RITAS, path: (f) => `/api/v1/steps/${f.step}` },
  'PATCH /api/v1/steps/:id': { who: RITAS, path: (f) => `/api/v1/steps/${f.step}` },
  'GET /api/v1/figures/commitment': { who: SIGNED_IN },
  'GET /api/v1/targets': { who: SIGNED_IN },
  'POST /api/v1/targets': { who: MANAGERS },
  'GET /api/v1/targets/:id': { who: RITAS, path: (f) => `/api/v1/targets/${f.target}` },
  'PATCH /api/v1/targets/:id': { who: TARGET_SET, path: (f) => `/api/v1/targets/${f.target}` },
  'DELETE /api/v1/targets/:id': { who: TARGET_SET, fresh: true, path: (f) => `/api/v1/targets/${f.target}` },
  'GET /api/v1/results': { who: SIGNED_IN },
  'GET /api/v1/tiers': { who: MANAGERS },
  'GET /api/v1/concentration': { who: MANAGERS },
  'GET /api/v1/excuses': { who: SIGNED_IN },
  'GET /api/v1/imports/:id': { who: ADMINS_NONE, path: () => '/api/v1/imports/999999' },
  'GET /api/v1/tokens': { who: SIGNED_IN },
  'DELETE /api/v1/tokens/:id': { who: TOKEN_OWNER, fresh: 'token', path: (f) => `/api/v1/tokens/${f.token}` },

  // one list of reasons, the stages' order, targets in bulk (issue 14): the
  // list is the organisation's, read by every member, changed by its admins
  'GET /admin/reasons': { who: ADMINS },
  'POST /admin/reasons': { who: ADMINS },
  'POST /admin/reasons/:id': { who: ADMIN_OF_A, path: (f) => `/admin/reasons/${f.reason}` },
  'POST /admin/reasons/:id/move': { who: ADMIN_OF_A, path: (f) => `/admin/reasons/${f.reason}/move` },
  'POST /admin/stages/:id/move': { who: ADMIN_OF_A, path: (f) => `/admin/stages/${f.stage}/move` },
  'POST /targets/copy': { who: MANAGERS },
  'POST /targets/fill': { who: MANAGERS },
  'GET /api/v1/reasons': { who: SIGNED_IN },
  'POST /api/v1/reasons': { who: ADMINS },
  'PATCH /api/v1/reasons/:id': { who: ADMIN_OF_A, path: (f) => `/api/v1/reasons/${f.reason}` },

  // development (issue 8): the competency framework and assessments
  // Rita's assessments: she and the manager who leads her team — not an admin who does not
  ...(() => {
    const assessment = { anon: LOGIN, repA: OK, repB: 403, mgrA: OK, mgrB: 403, admin: 403, xAdmin: 404, xRep: 404 };
    // a round of Rita's team opened by Max (a manager route: the role first); Ann neither opened nor leads it
    const round = { ...assessment, repA: 403, xRep: 403 };
    return {
      'GET /assessments': { who: SIGNED_IN },
      'POST /assessments/rounds': { who: MANAGERS },
      'GET /assessments/rounds/:id': { who: round, path: (f) => `/assessments/rounds/${f.round}` },
      'POST /assessments/rounds/:id/close': { who: round, path: (f) => `/assessments/rounds/${f.round}/close` },
      'POST /assessments/rounds/:id/peers': { who: round, path: (f) => `/assessments/rounds/${f.round}/peers` },
      // Rita's submitted self-assessment: she and Max read it, only she rates it (409 now: submitted)
      'GET /assessments/:id': { who: assessment, path: (f) => `/assessments/${f.assessment}` },
      'POST /assessments/:id': { who: AUTHOR, path: (f) => `/assessments/${f.assessment}` },
      'GET /reps/:id/assessments': { who: assessment, path: (f) => `/reps/${f.rita}/assessments` },
      'GET /traits': { who: SIGNED_IN },
      'GET /admin/traits': { who: ADMINS },
      'POST /admin/traits': { who: ADMINS },
      'POST /admin/traits/:id': { who: ADMIN_OF_A, path: (f) => `/admin/traits/${f.trait}` },
      'POST /admin/traits/:id/move': { who: ADMIN_OF_A, path: (f) => `/admin/traits/${f.trait}/move` },
      'POST /admin/traits/:id/retire': { who: ADMIN_OF_A, path: (f) => `/admin/traits/${f.trait}/retire` },
      'POST /admin/traits/:id/subskills': { who: ADMIN_OF_A, path: (f) => `/admin/traits/${f.trait}/subskills` },
      'POST /admin/subskills/:id': { who: ADMIN_OF_A, path: (f) => `/admin/subskills/${f.subskill}` },
      'POST /admin/subskills/:id/move': { who: ADMIN_OF_A, path: (f) => `/admin/subskills/${f.subskill}/move` },
      'POST /admin/subskills/:id/retire': { who: ADMIN_OF_A, path: (f) => `/admin/subskills/${f.subskill}/retire` },
      'GET /api/v1/traits': { who: SIGNED_IN },
      'POST /api/v1/traits': { who: ADMINS },
      'PATCH /api/v1/traits/:id': { who: ADMIN_OF_A, path: (f) => `/api/v1/traits/${f.trait}` },
      'GET /api/v1/assessments': { who: SIGNED_IN },
      'GET /api/v1/assessments/:id': { who: assessment, path: (f) => `/api/v1/assessments/${f.assessment}` },
      'PUT /api/v1/assessments/:id/scores': { who: AUTHOR, path: (f) => `/api/v1/assessments/${f.assessment}/scores` },
      'POST /api/v1/assessments/:id/submit': { who: AUTHOR, path: (f) => `/api/v1/assessments/${f.assessment}/submit` },
      'GET /api/v1/assessment-rounds': { who: MANAGERS },
      'POST /api/v1/assessment-rounds': { who: MANAGERS },
      'POST /api/v1/assessment-rounds/:id/close': { who: round, path: (f) => `/api/v1/assessment-rounds/${f.round}/close` },
      'POST /api/v1/assessment-rounds/:id/peers': { who: round, path: (f) => `/api/v1/assessment-rounds/${f.round}/peers` },
    };
  })(),

  // development (issue 8): a rep's profile and the team matrix
  // Rita's profile is her private data (access_private): herself and her
  // team's manager, not an admin who does not lead her team; /profile sends
  // each caller to their own; the matrix is a manager route whose rows are
  // the reps of the teams the caller leads
  'GET /reps/:id/profile': { who: { ...RITAS, admin: 403 }, path: (f) => `/reps/${f.rita}/profile` },
  'GET /profile': { who: SIGNED_IN },
  'GET /team/traits': { who: MANAGERS },
  'GET /api/v1/reps/:id/profile': { who: { ...RITAS, admin: 403 }, path: (f) => `/api/v1/reps/${f.rita}/profile` },
  'GET /api/v1/assessments/matrix': { who: MANAGERS },

  // development (issue 8): development plans and recognition
  ...(() => {
    // Rita's plan is seen by her and Max only; written by Max; a new plan
    // or a recognition for Rita by Max
    const PLAN_SEE = { anon: LOGIN, repA: OK, repB: 403, mgrA: OK, mgrB: 403, admin: 403, xAdmin: 404, xRep: 404 };
    const PLAN_WRITE = { ...PLAN_SEE, repA: 403 };
    const PLAN_NEW = { anon: LOGIN, repA: 403, repB: 403, mgrA: OK, mgrB: 403, admin: 403, xAdmin: 404, xRep: 403 };
    return {
      // a plan is Rita's private data: she and Max (who leads North) — not Rob,
      // Mia or Ann (an admin who does not lead North); only Max writes it; both
      // add check-ins; Rita marks her own actions done
      'GET /plans': { who: SIGNED_IN },
      'GET /plans/new': { who: PLAN_NEW, path: (f) => `/plans/new?rep=${f.rita}` },
      'POST /plans/new': { who: PLAN_NEW, path: (f) => `/plans/new?rep=${f.rita}` },
      'GET /plans/:id': { who: PLAN_SEE, path: (f) => `/plans/${f.plan}` },
      'POST /plans/:id/goals': { who: PLAN_WRITE, path: (f) => `/plans/${f.plan}/goals` },
      'POST /plans/:id/goals/:id/status': { who: PLAN_WRITE, path: (f) => `/plans/${f.plan}/goals/${f.planGoal}/status` },
      'POST /plans/:id/actions': { who: PLAN_WRITE, path: (f) => `/plans/${f.plan}/actions` },
      'POST /plans/:id/actions/:id/done': { who: PLAN_SEE, path: (f) => `/plans/${f.plan}/actions/${f.planAction}/done` },
      'POST /plans/:id/checkins': { who: PLAN_SEE, path: (f) => `/plans/${f.plan}/checkins` },
      'POST /plans/:id/close': { who: PLAN_WRITE, path: (f) => `/plans/${f.plan2}/close` },
      'POST /reps/:id/recognition': { who: PLAN_NEW, path: (f) => `/reps/${f.rita}/recognition` },
      'GET /api/v1/plans': { who: SIGNED_IN },
      'POST /api/v1/plans': { who: MANAGERS },
      'GET /api/v1/plans/:id': { who: PLAN_SEE, path: (f) => `/api/v1/plans/${f.plan}` },
      'PATCH /api/v1/plans/:id': { who: PLAN_WRITE, path: (f) => `/api/v1/plans/${f.plan}` },
      'POST /api/v1/plans/:id/goals': { who: PLAN_WRITE, path: (f) => `/api/v1/plans/${f.plan}/goals` },
      'PATCH /api/v1/plans/:id/goals/:id': { who: PLAN_WRITE, path: (f) => `/api/v1/plans/${f.plan}/goals/${f.planGoal}` },
      'POST /api/v1/plans/:id/actions': { who: PLAN_WRITE, path: (f) => `/api/v1/plans/${f.plan}/actions` },
      'PATCH /api/v1/plans/:id/actions/:id': { who: PLAN_SEE, path: (f) => `/api/v1/plans/${f.plan}/actions/${f.planAction}` },
      'POST /api/v1/plans/:id/checkins': { who: PLAN_SEE, path: (f) => `/api/v1/plans/${f.plan}/checkins` },
      'GET /api/v1/recognitions': { who: SIGNED_IN },
    };
  })(),

  // learning (issue 9): the learning log and suggested or mandatory training
  ...(() => {
    // Rita's log is seen by her and Max (who leads North) only — not Ann, an
    // admin who does not lead North; she changes what she logged; only she
    // answers Max's suggestion; a suggestion, a training: Max's (a manager
    // route: the role first)
    const SEE = { anon: LOGIN, repA: OK, repB: 403, mgrA: OK, mgrB: 403, admin: 403, xAdmin: 404, xRep: 404 };
    const MAX_ONLY = { anon: LOGIN, repA: 403, repB: 403, mgrA: OK, mgrB: 403, admin: 403, xAdmin: 404, xRep: 403 };
    const next = (f) => f.learningPool.shift();
    return {
      'GET /learning': { who: SIGNED_IN },
      'GET /learning/new': { who: SIGNED_IN },
      'POST /learning': { who: SIGNED_IN },
      'GET /learning/suggest': { who: MAX_ONLY, path: (f) => `/learning/suggest?rep=${f.rita}` },
      'POST /learning/suggest': { who: MAX_ONLY, path: (f) => `/learning/suggest?rep=${f.rita}` },
      'GET /learning/assignments': { who: MANAGERS },
      'POST /learning/assignments': { who: MANAGERS },
      'GET /learning/assignments/:id': { who: MAX_ONLY, path: (f) => `/learning/assignments/${f.learningAssignment}` },
      'GET /learning/:id': { who: SEE, path: (f) => `/learning/${f.learning}` },
      'POST /learning/:id': { who: AUTHOR, path: (f) => `/learning/${f.learning}` },
      'POST /learning/:id/delete': { who: AUTHOR, path: (f) => `/learning/${next(f)}/delete` },
      'POST /learning/:id/accept': { who: AUTHOR, path: (f) => `/learning/${f.learningSuggested}/accept` },
      'POST /learning/:id/decline': { who: AUTHOR, path: (f) => `/learning/${f.learningSuggested}/decline` },
      'POST /learning/:id/done': { who: AUTHOR, path: (f) => `/learning/${f.learningSuggested}/done` },
      'GET /reps/:id/learning': { who: SEE, path: (f) => `/reps/${f.rita}/learning` },
      'GET /api/v1/learning': { who: SIGNED_IN },
      'POST /api/v1/learning': { who: SIGNED_IN },
      'POST /api/v1/learning/suggestions': { who: MANAGERS },
      'GET /api/v1/learning/assignments': { who: MANAGERS },
      'POST /api/v1/learning/assignments': { who: MANAGERS },
      'GET /api/v1/learning/assignments/:id': { who: MAX_ONLY, path: (f) => `/api/v1/learning/assignments/${f.learningAssignment}` },
      'GET /api/v1/learning/:id': { who: SEE, path: (f) => `/api/v1/learning/${f.learning}` },
      'PATCH /api/v1/learning/:id': { who: AUTHOR, path: (f) => `/api/v1/learning/${f.learning}` },
      'DELETE /api/v1/learning/:id': { who: AUTHOR, path: (f) => `/api/v1/learning/${next(f)}` },
      'POST /api/v1/learning/:id/accept': { who: AUTHOR, path: (f) => `/api/v1/learning/${f.learningSuggested}/accept` },
      'POST /api/v1/learning/:id/decline': { who: AUTHOR, path: (f) => `/api/v1/learning/${f.learningSuggested}/decline` },
      'POST /api/v1/learning/:id/done': { who: AUTHOR, path: (f) => `/api/v1/learning/${f.learningSuggested}/done` },
    };
  })(),

  // learning (issue 9): the achievement-orientation index and the team's learning
  // the team's aggregate: North's members, its manager and the admins; its reps
  // one by one only for Max (page-team-learning.c); Rita's index: herself and Max
  'GET /team/learning': { who: RITAS, path: (f) => `/team/learning?team=${f.north}` },
  'GET /api/v1/learning-index': { who: { ...RITAS, admin: 403 }, path: (f) => `/api/v1/learning-index?rep=${f.rita}` },

  // learning (issue 9): the library
  ...(() => {
    // the library is the organisation's: every member sees the catalogue,
    // an item and who has its copies, borrows and waits; managers and admins
    // keep the catalogue (the role first, then the item's organisation); a
    // loan of Rita's is returned by her, the manager who leads her team or an
    // admin; an item is suggested by a manager (the rep is checked after)
    const KEEP = { ...MANAGERS, xAdmin: 404 };
    const RETURN = { anon: LOGIN, repA: OK, repB: 403, mgrA: OK, mgrB: 403, admin: OK, xAdmin: 404, xRep: 404 };
    return {
      'GET /library': { who: SIGNED_IN },
      'GET /library/new': { who: MANAGERS },
      'POST /library/new': { who: MANAGERS },
      'GET /library/loans': { who: MANAGERS },
      'POST /library/loans/:id/return': { who: RETURN, path: (f) => `/library/loans/${f.libLoan}/return` },
      'GET /library/:id': { who: SHARED, path: (f) => `/library/${f.libItem}` },
      'GET /library/:id/edit': { who: KEEP, path: (f) => `/library/${f.libItem}/edit` },
      'POST /library/:id/edit': { who: KEEP, path: (f) => `/library/${f.libItem}/edit` },
      'POST /library/:id/retire': { who: KEEP, path: (f) => `/library/${f.libItem2}/retire` },
      'POST /library/:id/borrow': { who: SHARED, path: (f) => `/library/${f.libItem}/borrow` },
      'POST /library/:id/wait': { who: SHARED, path: (f) => `/library/${f.libItem}/wait` },
      'POST /library/:id/unwait': { who: SHARED, path: (f) => `/library/${f.libItem}/unwait` },
      'POST /library/:id/suggest': { who: KEEP, path: (f) => `/library/${f.libItem}/suggest` },
      'POST /library/:id/lend': { who: KEEP, path: (f) => `/library/${f.libItem}/lend` },
      'GET /api/v1/library': { who: SIGNED_IN },
      'POST /api/v1/library': { who: MANAGERS },
      'GET /api/v1/library/loans': { who: SIGNED_IN },
      'POST /api/v1/library/loans/:id/return': { who: RETURN, path: (f) => `/api/v1/library/loans/${f.libLoan}/return` },
      'GET /api/v1/library/:id': { who: SHARED, path: (f) => `/api/v1/library/${f.libItem}` },
      'PATCH /api/v1/library/:id': { who: KEEP, path: (f) => `/api/v1/library/${f.libItem}` },
      'POST /api/v1/library/:id/borrow': { who: SHARED, path: (f) => `/api/v1/library/${f.libItem}/borrow` },
      'POST /api/v1/library/:id/wait': { who: SHARED, path: (f) => `/api/v1/library/${f.libItem}/wait` },
      'DELETE /api/v1/library/:id/wait': { who: SHARED, path: (f) => `/api/v1/library/${f.libItem}/wait` },
    };
  })(),

  // learning (issue 9): sales meetings and the case library
  ...(() => {
    // a meeting of team North (Rita's): seen by its members, Max and Ann;
    // run by Max and Ann (manager routes: the role first). The case library
    // is the organisation's: read by all, changed by managers and admins
    const MEETING_SEE = RITAS;
    const MEETING_RUN = { anon: LOGIN, repA: 403, repB: 403, mgrA: OK, mgrB: 403, admin: OK, xAdmin: 404, xRep: 403 };
    const CASE_CHANGE = { anon: LOGIN, repA: 403, repB: 403, mgrA: OK, mgrB: OK, admin: OK, xAdmin: 404, xRep: 403 };
    // an item that is not on the agenda: the rights first, so only those who run the meeting get as far as the 404
    const ITEM_NONE = { ...MEETING_RUN, mgrA: 404, admin: 404 };
    return {
      'GET /meetings': { who: SIGNED_IN },
      'GET /meetings/new': { who: MANAGERS },
      'POST /meetings': { who: MANAGERS },
      'GET /meetings/:id': { who: MEETING_SEE, path: (f) => `/meetings/${f.meeting}` },
      'POST /meetings/:id/items': { who: MEETING_RUN, path: (f) => `/meetings/${f.meeting}/items` },
      'POST /meetings/:id/items/:item_id/delete': { who: ITEM_NONE, path: (f) => `/meetings/${f.meeting}/items/999999/delete` },
      'POST /meetings/:id/items/:item_id/move': { who: MEETING_RUN, path: (f) => `/meetings/${f.meeting}/items/${f.meetingItem}/move` },
      'POST /meetings/:id/notes': { who: MEETING_RUN, path: (f) => `/meetings/${f.meeting2}/notes` },
      'POST /meetings/:id/prepared': { who: MEETING_RUN, path: (f) => `/meetings/${f.meeting}/prepared` },
      'POST /meetings/:id/held': { who: MEETING_RUN, path: (f) => `/meetings/${f.meeting}/held` },
      'POST /meetings/:id/attendance': { who: MEETING_RUN, path: (f) => `/meetings/${f.meeting}/attendance` },
      'GET /cases': { who: SIGNED_IN },
      'POST /cases': { who: MANAGERS },
      'GET /cases/:id': { who: SHARED, path: (f) => `/cases/${f.practiceCase}` },
      'POST /cases/:id': { who: CASE_CHANGE, path: (f) => `/cases/${f.practiceCase}` },
      'POST /cases/:id/retire': { who: CASE_CHANGE, path: (f) => `/cases/${f.practiceCase2}/retire` },
      'GET /api/v1/meetings': { who: SIGNED_IN },
      'POST /api/v1/meetings': { who: MANAGERS },
      'GET /api/v1/meetings/:id': { who: MEETING_SEE, path: (f) => `/api/v1/meetings/${f.meeting}` },
      'PATCH /api/v1/meetings/:id': { who: MEETING_RUN, path: (f) => `/api/v1/meetings/${f.meeting}` },
      'POST /api/v1/meetings/:id/items': { who: MEETING_RUN, path: (f) => `/api/v1/meetings/${f.meeting}/items` },
      'DELETE /api/v1/meetings/:id/items/:item_id': { who: ITEM_NONE, path: (f) => `/api/v1/meetings/${f.meeting}/items/999999` },
      'PUT /api/v1/meetings/:id/attendance': { who: MEETING_RUN, path: (f) => `/api/v1/meetings/${f.meeting}/attendance` },
      'POST /api/v1/meetings/:id/prepared': { who: MEETING_RUN, path: (f) => `/api/v1/meetings/${f.meeting}/prepared` },
      'POST /api/v1/meetings/:id/held': { who: MEETING_RUN, path: (f) => `/api/v1/meetings/${f.meeting}/held` },
      'GET /api/v1/cases': { who: SIGNED_IN },
      'POST /api/v1/cases': { who: MANAGERS },
      'GET /api/v1/cases/:id': { who: SHARED, path: (f) => `/api/v1/cases/${f.practiceCase}` },
      'PATCH /api/v1/cases/:id': { who: CASE_CHANGE, path: (f) => `/api/v1/cases/${f.practiceCase}` },
    };
  })(),

  // development (issue 8): field coaching and one-on-ones
  // Rita's one-on-one: herself and the manager who leads her team; not Ann
  'GET /one-on-ones': { who: SIGNED_IN },
  'POST /one-on-ones': { who: MANAGERS },
  'POST /one-on-ones/cadence': { who: MANAGERS },
  'GET /one-on-ones/:id': { who: { ...RITAS, admin: 403 }, path: (f) => `/one-on-ones/${f.ooo}` },
  'POST /one-on-ones/:id/points': { who: { ...RITAS, admin: 403 }, path: (f) => `/one-on-ones/${f.ooo}/points` },
  'POST /one-on-ones/:id/actions': { who: { ...RITAS, admin: 403 }, path: (f) => `/one-on-ones/${f.ooo}/actions` },
  'POST /one-on-ones/:id/actions/:action_id/done': { who: { ...RITAS, admin: 403 }, path: (f) => `/one-on-ones/${f.ooo}/actions/${f.oooAction}/done` },
  'POST /one-on-ones/:id/notes': { who: { ...TARGET_SET, admin: 403 }, path: (f) => `/one-on-ones/${f.ooo}/notes` },
  'POST /one-on-ones/:id/held': { who: { ...TARGET_SET, admin: 403 }, path: (f) => `/one-on-ones/${f.ooo}/held` },
  'POST /one-on-ones/:id/recognition': { who: { ...TARGET_SET, admin: 403 }, path: (f) => `/one-on-ones/${f.ooo}/recognition` },
  // observations of Rita: she, Max and the observer; written by Max or a team-mate
  'GET /observations': { who: { ...RITAS, admin: 403 }, path: (f) => `/observations?rep=${f.rita}` },
  'GET /observations/new': { who: { ...TARGET_SET, repA: 403, admin: 403, xRep: 404 }, path: (f) => `/observations/new?rep=${f.rita}` },
  'POST /observations': { who: { ...TARGET_SET, repA: 403, admin: 403, xRep: 404 }, path: (f) => `/observations?rep=${f.rita}` },
  'GET /observations/:id': { who: { ...RITAS, admin: 403 }, path: (f) => `/observations/${f.obs}` },
  'POST /observations/:id/recognition': { who: { ...TARGET_SET, admin: 403 }, path: (f) => `/observations/${f.obs}/recognition` },
  'GET /api/v1/observations': { who: { ...RITAS, admin: 403 }, path: (f) => `/api/v1/observations?rep=${f.rita}` },
  'POST /api/v1/observations': { who: SIGNED_IN },
  'GET /api/v1/observations/:id': { who: { ...RITAS, admin: 403 }, path: (f) => `/api/v1/observations/${f.obs}` },
  'GET /api/v1/one-on-ones': { who: SIGNED_IN },
  'POST /api/v1/one-on-ones': { who: MANAGERS },
  'GET /api/v1/one-on-ones/:id': { who: { ...RITAS, admin: 403 }, path: (f) => `/api/v1/one-on-ones/${f.ooo}` },
  'PATCH /api/v1/one-on-ones/:id': { who: { ...TARGET_SET, admin: 403 }, path: (f) => `/api/v1/one-on-ones/${f.ooo}` },
  'POST /api/v1/one-on-ones/:id/points': { who: { ...RITAS, admin: 403 }, path: (f) => `/api/v1/one-on-ones/${f.ooo}/points` },
  'POST /api/v1/one-on-ones/:id/actions': { who: { ...RITAS, admin: 403 }, path: (f) => `/api/v1/one-on-ones/${f.ooo}/actions` },
  'PATCH /api/v1/one-on-ones/:id/actions/:action_id': { who: { ...RITAS, admin: 403 }, path: (f) => `/api/v1/one-on-ones/${f.ooo}/actions/${f.oooAction}` },

  // levers (issue 10): improvement plans
  ...(() => {
    // Rita's improvement plan: she and Max (who leads North) see it; only Max
    // writes it; the diagnosis notes are Max's alone (privateTexts below)
    const IMP_SEE = { anon: LOGIN, repA: OK, repB: 403, mgrA: OK, mgrB: 403, admin: 403, xAdmin: 404, xRep: 404 };
    const IMP_WRITE = { ...IMP_SEE, repA: 403 };
    const IMP_NEW = { anon: LOGIN, repA: 403, repB: 403, mgrA: OK, mgrB: 403, admin: 403, xAdmin: 404, xRep: 403 };
    return {
      'GET /improvement-plans': { who: SIGNED_IN },
      'GET /improvement-plans/new': { who: IMP_NEW, path: (f) => `/improvement-plans/new?rep=${f.rita}` },
      'POST /improvement-plans/new': { who: IMP_NEW, path: (f) => `/improvement-plans/new?rep=${f.rita}` },
      'GET /improvement-plans/:id': { who: IMP_SEE, path: (f) => `/improvement-plans/${f.improve}` },
      'POST /improvement-plans/:id': { who: IMP_WRITE, path: (f) => `/improvement-plans/${f.improve}` },
      'POST /improvement-plans/:id/items': { who: IMP_WRITE, path: (f) => `/improvement-plans/${f.improve}/items` },
      'POST /improvement-plans/:id/items/:id': { who: IMP_WRITE, path: (f) => `/improvement-plans/${f.improve}/items/${f.improveReview}` },
      'POST /improvement-plans/:id/decide': { who: IMP_WRITE, path: (f) => `/improvement-plans/${f.improve}/decide` },
      'GET /api/v1/improvement-plans': { who: SIGNED_IN },
      'POST /api/v1/improvement-plans': { who: MANAGERS },
      'GET /api/v1/improvement-plans/:id': { who: IMP_SEE, path: (f) => `/api/v1/improvement-plans/${f.improve}` },
      'PATCH /api/v1/improvement-plans/:id': { who: IMP_WRITE, path: (f) => `/api/v1/improvement-plans/${f.improve}` },
      'POST /api/v1/improvement-plans/:id/decide': { who: IMP_WRITE, path: (f) => `/api/v1/improvement-plans/${f.improve}/decide` },
    };
  })(),
  /* levers (issue 10): pulse */
  // every caller answers and reads their own pulse only (no id in any
  // route); the team's pulse is a manager route that shows only the teams
  // the caller leads (pulse.test.mjs checks its contents). Rita's comment is
  // hers alone: checked below for every caller and route
  'GET /pulse': { who: SIGNED_IN },
  'POST /pulse': { who: SIGNED_IN },
  'POST /pulse/sharing': { who: SIGNED_IN },
  'GET /team/pulse': { who: MANAGERS },
  'GET /api/v1/pulse': { who: SIGNED_IN },
  'POST /api/v1/pulse': { who: SIGNED_IN },
  'PUT /api/v1/pulse/sharing': { who: SIGNED_IN },
  'GET /api/v1/pulse/team': { who: MANAGERS },
  /* levers (issue 10): kudos, spotlight, badges and streaks */
  // the feed is each caller's own team(s); giving with an empty body is a
  // 400 naming the field; the spotlight is a manager route; Rita's badges:
  // her team (herself, Max), the admin — not Rob or Mia of South (403), not
  // the other organisation (404: no such user)
  'GET /kudos': { who: SIGNED_IN },
  'POST /kudos': { who: SIGNED_IN },
  'POST /kudos/spotlight': { who: MANAGERS },
  'GET /api/v1/kudos': { who: SIGNED_IN },
  'POST /api/v1/kudos': { who: SIGNED_IN },
  'GET /api/v1/badges': { who: RITAS, path: (f) => `/api/v1/badges?rep=${f.rita}` },
  /* running it for real (issue 16): webhooks — organisation A's admins only; the
     other organisation's admin finds none (404); the secret is for A's admin alone */
  'GET /admin/webhooks': { who: ADMINS },
  'POST /admin/webhooks': { who: ADMINS },
  'GET /admin/webhooks/:id': { who: ADMIN_OF_A, path: (f) => `/admin/webhooks/${f.webhook}` },
  'POST /admin/webhooks/:id': { who: ADMIN_OF_A, path: (f) => `/admin/webhooks/${f.webhook}` },
  'GET /api/v1/webhooks': { who: ADMINS },
  'POST /api/v1/webhooks': { who: ADMINS },
  'GET /api/v1/webhooks/:id': { who: ADMIN_OF_A, path: (f) => `/api/v1/webhooks/${f.webhook}` },
  'PATCH /api/v1/webhooks/:id': { who: ADMIN_OF_A, path: (f) => `/api/v1/webhooks/${f.webhook}` },
  'DELETE /api/v1/webhooks/:id': { who: ADMIN_OF_A, fresh: 'webhook', path: (f) => `/api/v1/webhooks/${f.freshWebhook}` },
  'GET /api/v1/webhooks/:id/deliveries': { who: ADMIN_OF_A, path: (f) => `/api/v1/webhooks/${f.webhook}/deliveries` },
  'POST /api/v1/webhooks/:id/test': { who: ADMIN_OF_A, path: (f) => `/api/v1/webhooks/${f.webhook}/test` },
  /* levers (issue 10): leaderboards and contests */
  // leaderboards: every member (the organisation's, their teams'); the
  // revenue setting and new contests are manager routes (an empty body is a
  // 400 naming the field). A contest of North (Rita's team): seen by North
  // and whoever manages it (Mia of South: 404, as for another organisation);
  // changed by Max or the admin
  ...(() => {
    const SEE = { anon: LOGIN, repA: OK, repB: 404, mgrA: OK, mgrB: 404, admin: OK, xAdmin: 404, xRep: 404 };
    const MANAGE = { ...SEE, repA: 403, repB: 403, xRep: 403 };
    return {
      'GET /leaderboards': { who: SIGNED_IN },
      'POST /leaderboards/setting': { who: MANAGERS },
      'GET /contests': { who: SIGNED_IN },
      'GET /contests/new': { who: MANAGERS },
      'POST /contests/new': { who: MANAGERS },
      'GET /contests/:id': { who: SEE, path: (f) => `/contests/${f.contest}` },
      'GET /contests/:id/edit': { who: MANAGE, path: (f) => `/contests/${f.contest}/edit` },
      'POST /contests/:id/edit': { who: MANAGE, path: (f) => `/contests/${f.contest}/edit` },
      'POST /contests/:id/delete': { who: MANAGE, fresh: 'contest', path: (f) => `/contests/${f.contest}/delete` },
      'GET /tv/leaderboard': { who: SIGNED_IN },
      'GET /tv/contests/:id': { who: SEE, path: (f) => `/tv/contests/${f.contest}` },
      'GET /api/v1/leaderboards': { who: SIGNED_IN },
      'GET /api/v1/contests': { who: SIGNED_IN },
      'POST /api/v1/contests': { who: MANAGERS },
      'GET /api/v1/contests/:id': { who: SEE, path: (f) => `/api/v1/contests/${f.contest}` },
      'PATCH /api/v1/contests/:id': { who: MANAGE, path: (f) => `/api/v1/contests/${f.contest}` },
      'DELETE /api/v1/contests/:id': { who: MANAGE, fresh: 'contest', path: (f) => `/api/v1/contests/${f.contest}` },
    };
  })(),
  /* levers (issue 10): the coach's inbox — a manager's or admin's own */
  'GET /inbox': { who: MANAGERS },
  'POST /inbox/dismiss': { who: MANAGERS },
  'POST /inbox/snooze': { who: MANAGERS },
  'GET /api/v1/inbox': { who: MANAGERS },
  'POST /api/v1/inbox/dismiss': { who: MANAGERS },
  'POST /api/v1/inbox/snooze': { who: MANAGERS },
  /* levers (issue 10): the manager's own mirror — each manager's own; a
   * round of Max's: answered by the members of his team (Rita), closed by
   * Max alone; the other organisation does not find it */
  'GET /mirror': { who: MANAGERS },
  'POST /mirror': { who: MANAGERS },
  // opening a round takes leading a team: Ann and Bea lead none
  'POST /mirror/rounds': { who: { ...MANAGERS, admin: 403, xAdmin: 403 } },
  'POST /mirror/rounds/:id/close': {
    who: { anon: LOGIN, repA: 403, repB: 403, mgrA: OK, mgrB: 403, admin: 403, xAdmin: 404, xRep: 403 },
    path: (f) => `/mirror/rounds/${f.maxRound}/close`,
  },
  'GET /feedback': { who: SIGNED_IN },
  'POST /feedback/:id': {
    who: { anon: LOGIN, repA: OK, repB: 403, mgrA: 403, mgrB: 403, admin: 403, xAdmin: 404, xRep: 404 },
    path: (f) => f.openRound(),
  },
  'GET /api/v1/manager-assessments': { who: MANAGERS },
  'POST /api/v1/manager-assessments': { who: MANAGERS },
  'GET /api/v1/upward-rounds': { who: MANAGERS },
  'POST /api/v1/upward-rounds/:id/answers': {
    who: { anon: LOGIN, repA: OK, repB: 403, mgrA: 403, mgrB: 403, admin: 403, xAdmin: 404, xRep: 404 },
    path: (f) => `/api/v1/upward-rounds/${f.openRound().split('/').pop()}/answers`,
  },
  /* recruiting (issue 11): the talent pool and step or stop with candidates */
  ...(() => {
    // Max's candidate in the pool, Rita invited to interview them: the
    // managers and the admin see it whole; Rita only the interviewer's view
    // (no conversations, no logging: 403); Rob, never invited, and the other
    // organisation get 404 on every recruiting route. The candidate's notes
    // reach the managers and the admin only (privateTexts below)
    const CAND_SEE = { anon: LOGIN, repA: OK, repB: 404, mgrA: OK, mgrB: OK, admin: OK, xAdmin: 404, xRep: 404 };
    const CAND_WORK = { ...CAND_SEE, repA: 403 };
    const POOL = { ...CAND_SEE, xAdmin: OK };
    const POOL_ADD = { ...POOL, repA: 404 };
    return {
      'GET /recruiting': { who: POOL },
      'GET /recruiting/candidates/new': { who: POOL_ADD },
      'POST /recruiting/candidates': { who: POOL_ADD },
      'GET /recruiting/candidates/:id': { who: CAND_SEE, path: (f) => `/recruiting/candidates/${f.candidate}` },
      'POST /recruiting/candidates/:id/conversations': { who: CAND_WORK, path: (f) => `/recruiting/candidates/${f.candidate}/conversations` },
      'POST /recruiting/candidates/:id/invitations': { who: CAND_WORK, path: (f) => `/recruiting/candidates/${f.candidate}/invitations` },
      'GET /api/v1/candidates': { who: POOL },
      'POST /api/v1/candidates': { who: POOL_ADD },
      'GET /api/v1/candidates/:id': { who: CAND_SEE, path: (f) => `/api/v1/candidates/${f.candidate}` },
      'GET /api/v1/candidates/:id/conversations': { who: CAND_WORK, path: (f) => `/api/v1/candidates/${f.candidate}/conversations` },
      'POST /api/v1/candidates/:id/conversations': { who: CAND_WORK, path: (f) => `/api/v1/candidates/${f.candidate}/conversations` },
      // vacancies (part 2): North's vacancy is run by Max and the admin; Mia
      // (South) and every rep get 404, as does the other organisation; the
      // stages are the admins' (a manager: 403)
      'GET /recruiting/vacancies': { who: POOL_ADD },
      'POST /recruiting/vacancies': { who: POOL_ADD },
      'POST /recruiting/stages': { who: { ...POOL_ADD, mgrA: 403, mgrB: 403 } },
      'POST /recruiting/stages/:id': { who: { ...POOL_ADD, mgrA: 403, mgrB: 403, xAdmin: 404 }, path: (f) => `/recruiting/stages/${f.recruitStage}` },
      'GET /recruiting/vacancies/:id': { who: { ...POOL_ADD, mgrB: 404, xAdmin: 404 }, path: (f) => `/recruiting/vacancies/${f.vacancy}` },
      'POST /recruiting/vacancies/:id': { who: { ...POOL_ADD, mgrB: 404, xAdmin: 404 }, path: (f) => `/recruiting/vacancies/${f.vacancy}` },
      'POST /recruiting/vacancies/:id/candidates': { who: { ...POOL_ADD, mgrB: 404, xAdmin: 404 }, path: (f) => `/recruiting/vacancies/${f.vacancy}/candidates` },
      'GET /api/v1/vacancies': { who: POOL_ADD },
      'POST /api/v1/vacancies': { who: POOL_ADD },
      // hiring (part 3): the hiring profile is aggregate, the managers' and
      // admins' of each organisation (Bea sees Beta's); hiring and sending
      // back into the pool are for whoever sees the candidate whole — Rita,
      // invited to interview, gets 403; an empty body is refused (400)
      'GET /recruiting/hiring-profile': { who: POOL_ADD },
      'GET /api/v1/hiring-profile': { who: POOL_ADD },
      'GET /recruiting/candidates/:id/hire': { who: CAND_WORK, path: (f) => `/recruiting/candidates/${f.candidate}/hire` },
      'POST /recruiting/candidates/:id/hire': { who: CAND_WORK, path: (f) => `/recruiting/candidates/${f.candidate}/hire` },
      'POST /recruiting/candidates/:id/pool': { who: CAND_WORK, path: (f) => `/recruiting/candidates/${f.candidate}/pool` },
      'POST /api/v1/candidates/:id/hire': { who: CAND_WORK, path: (f) => `/api/v1/candidates/${f.candidate}/hire` },
      'POST /api/v1/candidates/:id/pool': { who: CAND_WORK, path: (f) => `/api/v1/candidates/${f.candidate}/pool` },
      // candidates' data: export and erase are the admin's; whoever else sees
      // the candidate (the managers, Rita the invited interviewer) 403, the
      // rest 404. An erase without its confirmation erases nothing (400)
      ...(() => {
        const DATA = { ...CAND_SEE, repA: 403, mgrA: 403, mgrB: 403 };
        return {
          'GET /recruiting/candidates/:id/export.json': { who: DATA, path: (f) => `/recruiting/candidates/${f.candidate}/export.json` },
          'GET /recruiting/candidates/:id/erase': { who: DATA, path: (f) => `/recruiting/candidates/${f.candidate}/erase` },
          'POST /recruiting/candidates/:id/erase': { who: DATA, path: (f) => `/recruiting/candidates/${f.candidate}/erase` },
          'GET /api/v1/candidates/:id/export': { who: DATA, path: (f) => `/api/v1/candidates/${f.candidate}/export` },
          'POST /api/v1/candidates/:id/erase': { who: DATA, path: (f) => `/api/v1/candidates/${f.candidate}/erase` },
        };
      })(),
      // the recruiting figures: managers and admins (an invited rep: 404)
      'GET /recruiting/figures': { who: POOL_ADD },
      'GET /api/v1/recruiting-figures': { who: POOL_ADD },
      // editing a vacancy: whoever runs it (Max for North, the admin)
      'GET /recruiting/vacancies/:id/edit': { who: { ...POOL_ADD, mgrB: 404, xAdmin: 404 }, path: (f) => `/recruiting/vacancies/${f.vacancy}/edit` },
      'POST /recruiting/vacancies/:id/edit': { who: { ...POOL_ADD, mgrB: 404, xAdmin: 404 }, path: (f) => `/recruiting/vacancies/${f.vacancy}/edit` },
      'PATCH /api/v1/vacancies/:id': { who: { ...POOL_ADD, mgrB: 404, xAdmin: 404 }, path: (f) => `/api/v1/vacancies/${f.vacancy}` },
      // importing candidates from a CSV file: managers and admins
      'GET /recruiting/import': { who: POOL_ADD },
      'POST /recruiting/import': { who: POOL_ADD },
      // a candidate's details edited: whoever works on them (the invited interviewer 403)
      'PATCH /api/v1/candidates/:id': { who: CAND_WORK, path: (f) => `/api/v1/candidates/${f.candidate}` },
      'GET /recruiting/candidates/:id/edit': { who: CAND_WORK, path: (f) => `/recruiting/candidates/${f.candidate}/edit` },
      'POST /recruiting/candidates/:id/edit': { who: CAND_WORK, path: (f) => `/recruiting/candidates/${f.candidate}/edit` },
    };
  })(),
  /* interviews and scorecards (issue 11, part 3) */
  ...(() => {
    // an interview of Max's pool candidate with Rita as its interviewer:
    // her draft scorecard is hers to fill in (repA, the invited
    // interviewer); the managers and the admin see the candidate whole, so
    // they see that it exists (not its scores) and reopen submitted ones
    // (a draft: 409), but only Rita changes it (403); Rob, never invited,
    // and the other organisation get 404
    const CAND_SEE = { anon: LOGIN, repA: OK, repB: 404, mgrA: OK, mgrB: OK, admin: OK, xAdmin: 404, xRep: 404 };
    const WHOLE = { ...CAND_SEE, repA: 403 };
    const OWN = { ...CAND_SEE, mgrA: 403, mgrB: 403, admin: 403 };
    return {
      'POST /recruiting/candidates/:id/interviews': { who: WHOLE, path: (f) => `/recruiting/candidates/${f.candidate}/interviews` },
      'GET /recruiting/scorecards/:id': { who: CAND_SEE, path: (f) => `/recruiting/scorecards/${f.scorecard}` },
      'POST /recruiting/scorecards/:id': { who: OWN, path: (f) => `/recruiting/scorecards/${f.scorecard}` },
      'POST /recruiting/scorecards/:id/reopen': { who: WHOLE, path: (f) => `/recruiting/scorecards/${f.scorecard}/reopen` },
      'GET /admin/interview-questions': { who: ADMINS },
      'POST /admin/interview-questions': { who: ADMINS },
      'POST /api/v1/interviews': { who: { ...CAND_SEE, repA: 404, xAdmin: OK } },
      'GET /api/v1/scorecards': { who: CAND_SEE, path: (f) => `/api/v1/scorecards?candidate_id=${f.candidate}` },
      'GET /api/v1/scorecards/:id': { who: CAND_SEE, path: (f) => `/api/v1/scorecards/${f.scorecard}` },
      'PUT /api/v1/scorecards/:id': { who: OWN, path: (f) => `/api/v1/scorecards/${f.scorecard}` },
      'PATCH /api/v1/scorecards/:id': { who: OWN, path: (f) => `/api/v1/scorecards/${f.scorecard}` },
      'POST /api/v1/scorecards/:id/submit': { who: OWN, path: (f) => `/api/v1/scorecards/${f.scorecard}/submit` },
      'POST /api/v1/scorecards/:id/reopen': { who: WHOLE, path: (f) => `/api/v1/scorecards/${f.scorecard}/reopen` },
    };
  })(),

  'GET /healthz': { who: PUBLIC },
  'GET /static/*': { who: PUBLIC, path: () => '/static/app.css' },

  /* running it for real (issue 16): the audit log — the organisation's
   * admins only (the other organisation's admin sees its own, empty of
   * this one's: checked by the marks below); an empty retention form is a
   * 400 naming the field */
  'GET /admin/audit': { who: ADMINS },
  'POST /admin/audit/retention': { who: ADMINS },
  'GET /api/v1/audit': { who: ADMINS },
  /* levers (issue 10), more: a team's leaderboard setting (North, Rita's
     team) — its manager and the admin (an empty body: 400 naming the
     choice); Mia leads another team (403); the other organisation's admin
     finds no such team (404) */
  'POST /teams/:id/leaderboard': { who: TARGET_SET, path: (f) => `/teams/${f.north}/leaderboard` },
  'PATCH /api/v1/teams/:id': { who: TARGET_SET, path: (f) => `/api/v1/teams/${f.north}` },
};

const routeKey = (r) => `${r.method} ${r.pattern}`;

function routeTable() {
  return JSON.parse(sgOk(['routes']).stdout);
}

test('every route of the route table has its row, and every row a route', () => {
  const routes = routeTable();
  assert.ok(routes.length > 50, `the route table: ${routes.length} routes`);
  const keys = new Set(routes.map(routeKey));
  const missing = [...keys].filter((k) => !(k in ROWS));
  assert.deepEqual(missing, [], 'routes without a row in route-matrix.test.mjs: say who may call them');
  const stale = Object.keys(ROWS).filter((k) => !keys.has(k));
  assert.deepEqual(stale, [], 'rows for routes that no longer exist');
  for (const r of routes) {
    const who = ROWS[routeKey(r)].who;
    assert.deepEqual(Object.keys(who).sort(), [...CALLERS].sort(), `${routeKey(r)}: one expectation per caller`);
    // the table's role flag and the row agree on who gets past the role check
    if (r.flags.includes('admin'))
      for (const c of ['repA', 'repB', 'mgrA', 'mgrB']) assert.equal(who[c], 403, `${routeKey(r)} is for admins: ${c}`);
    if (r.flags.includes('manager'))
      for (const c of ['repA', 'repB']) assert.equal(who[c], 403, `${routeKey(r)} is for managers: ${c}`);
    if (!r.flags.includes('anon')) assert.ok([LOGIN, 404].includes(who.anon) || who.anon === 404, `${routeKey(r)}: anonymous`);
  }
});

/** the objects the routes with an id are asked about, all of Rita's (team A) */
async function fixture() {
  const api = (email) => apiClient(ctx.base, createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email));
  const rita = api('rita@acme.test');
  const f = { rita: ctx.ids.rita, north: ctx.ids.north };
  f.vic = addUser(ctx.db, 'acme', 'vic@acme.test', 'Vic Victim', 'rep', { team: 'North' });
  f.secretTitle = 'Matrix Secret Deal 7f3a';
  f.secretStep = 'Matrix private step 7f3a';
  f.secretNotes = 'Matrix private notes 7f3a';
  let r = await rita.post('/api/v1/accounts', { name: 'Matrix Account' });
  assert.equal(r.status, 201, r.text);
  f.account = r.json.id ?? r.json.account?.id;
  r = await rita.post('/api/v1/deals', { title: f.secretTitle, account_id: f.account, value_minor: 100, currency: 'EUR' });
  assert.equal(r.status, 201, r.text);
  f.deal = r.json.id ?? r.json.deal?.id;
  r = await rita.post('/api/v1/conversations', {
    deal_id: f.deal, kind: 'call', at: '2026-11-20T10:00:00Z', minutes: 10, gut_feeling: 3, outcome: 'step',
    step: { what: f.secretStep, due: '2026-11-25', who: 'Buyer' }, notes: f.secretNotes,
  });
  assert.equal(r.status, 201, r.text);
  const conv = r.json.conversation ?? r.json;
  f.conv = conv.id;
  f.step = conv.step.id;
  const ann = api('ann@acme.test');
  for (const k of ['stage', 'stage2']) {
    r = await ann.post('/api/v1/stages', { name: `Matrix ${k}`, definition: 'Tested', commitment: 'A date', kind: 'open' });
    assert.equal(r.status, 201, r.text);
    f[k] = r.json.id ?? r.json.stage?.id;
  }
  const max = api('max@acme.test');
  let quarter = 1;
  f.newTarget = async () => {
    // a target of Rita's in a period of its own, for a DELETE that must find one
    const t = await max.post('/api/v1/targets', { rep_id: f.rita, period: `20${10 + quarter++}-Q1`, amount: 1000 });
    assert.equal(t.status, 201, t.text);
    return t.json.id ?? t.json.target?.id;
  };
  f.target = await f.newTarget();
  const ritaApi = api('rita@acme.test');
  f.newToken = async () => {
    // a token of Rita's of its own, for a revoke that must find one
    createToken(ctx.db, 'acme', 'rita@acme.test');
    const l = await ritaApi.get('/api/v1/tokens');
    assert.equal(l.status, 200, l.text);
    return Math.max(...l.json.items.map((t) => t.id));
  };
  f.token = await f.newToken();

  // one list of reasons (issue 14): one of organisation A's
  r = await ann.get('/api/v1/reasons');
  assert.equal(r.status, 200, r.text);
  f.reason = r.json.items.find((x) => x.code === 'timing').id;

  // development (issue 8): the competency framework and assessments
  {
    f.secretEvidence = 'Matrix assessment evidence 7f3a';
    const maxS = await ctx.signIn('max@acme.test');
    r = await maxS.postForm('/assessments/rounds', { csrf_token: maxS.csrf, name: 'Matrix round', due: '2026-12-15', team: String(f.north) });
    assert.equal(r.status, 303, r.text.slice(0, 300));
    f.round = Number(/\/assessments\/rounds\/(\d+)/.exec(r.location)[1]);
    const ritaS = await ctx.signIn('rita@acme.test');
    r = await ritaS.get('/assessments');
    f.assessment = Number(/href="\/assessments\/(\d+)">Matrix round/.exec(r.text)[1]);
    r = await ritaS.get(`/assessments/${f.assessment}`);
    const fields = { csrf_token: ritaS.csrf, action: 'submit' };
    for (const m of r.text.matchAll(/name="score-(\d+)" value="1"/g)) {
      fields[`score-${m[1]}`] = '2';
      fields[`evidence-${m[1]}`] = f.secretEvidence;
    }
    r = await ritaS.postForm(`/assessments/${f.assessment}`, fields);
    assert.equal(r.status, 303, r.text.slice(0, 300));
    r = await rita.get('/api/v1/traits');
    assert.equal(r.status, 200, r.text);
    f.trait = r.json.items[0].id;
    f.subskill = r.json.items[0].subskills[0].id;
  }

  // development (issue 8): a rep's profile and the team matrix
  {
    // a round of team North with Max's submitted assessment of Rita: its
    // name is on her profile, so it must reach nobody who may not see it
    const sql = (q) => sqlExec(ctx.db, q).trim();
    f.secretRound = 'Matrix Round 7f3a';
    (f.secrets ??= []).push(f.secretRound);
    const org = ctx.ids.acme, max = ctx.ids.max;
    const round = sql(`INSERT INTO assessment_rounds (org_id, name, team_id, opened_by, opened_on, created_at)
      VALUES (${org}, '${f.secretRound}', ${f.north}, ${max}, '2026-10-01', 1) RETURNING id`);
    const form = sql(`INSERT INTO assessments (org_id, round_id, rep_id, rater_id, rater_kind, status, submitted_at, created_at)
      VALUES (${org}, ${round}, ${f.rita}, ${max}, 'manager', 'submitted', 1, 1) RETURNING id`);
    sql(`INSERT INTO assessment_scores (org_id, assessment_id, trait_id, score, evidence)
      SELECT org_id, ${form}, id, 3, 'Matrix evidence 7f3a' FROM traits WHERE org_id = ${org}`);
  }

  // development (issue 8): development plans and recognition
  {
    const secrets = { title: 'Matrix plan title 7f3a', goal: 'Matrix plan goal 7f3a', checkin: 'Matrix plan check-in 7f3a',
      recognition: 'Matrix recognition note 7f3a' };
    let p = await max.post('/api/v1/plans', { rep_id: f.rita, title: secrets.title, period_start: '2026-10-01', period_end: '2026-12-31' });
    assert.equal(p.status, 201, p.text);
    f.plan = p.json.id;
    p = await max.post('/api/v1/plans', { rep_id: f.rita, title: 'Matrix plan to close', period_start: '2027-01-01', period_end: '2027-03-31' });
    assert.equal(p.status, 201, p.text);
    f.plan2 = p.json.id;
    p = await max.post(`/api/v1/plans/${f.plan}/goals`, { kind: 'achievement', title: secrets.goal });
    assert.equal(p.status, 201, p.text);
    f.planGoal = p.json.id;
    p = await max.post(`/api/v1/plans/${f.plan}/actions`, { what: 'Matrix action', owner_id: f.rita, due: '2026-12-01' });
    assert.equal(p.status, 201, p.text);
    f.planAction = p.json.id;
    p = await max.post(`/api/v1/plans/${f.plan}/checkins`, { on_date: '2026-11-20', note: secrets.checkin });
    assert.equal(p.status, 201, p.text);
    const maxWeb = await ctx.signIn('max@acme.test');
    p = await maxWeb.postForm(`/reps/${f.rita}/recognition`, { csrf_token: maxWeb.csrf, kind: 'effort', note: secrets.recognition });
    assert.equal(p.status, 303, p.text);
    // seen by Rita and Max only (not Ann, who sees Rita's deals)
    f.ritaAndMaxOnly = Object.values(secrets);
  }

  // learning (issue 9): the learning log and suggested or mandatory training
  {
    // Rita's activity with a reflection (hers and Max's only), Max's
    // suggestion to her, a training of North, and activities of hers to delete
    const secrets = { title: 'Matrix learning title 7f3a', learned: 'Matrix learning reflection 7f3a',
      change: 'Matrix learning change 7f3a' };
    r = await rita.post('/api/v1/learning', { kind: 'book', title: secrets.title, hours: '1.5', done_on: '2026-11-20',
      learned: secrets.learned, will_change: secrets.change });
    assert.equal(r.status, 201, r.text);
    f.learning = r.json.id;
    r = await max.post('/api/v1/learning/suggestions', { rep_id: f.rita, kind: 'webinar', title: 'Matrix suggestion' });
    assert.equal(r.status, 201, r.text);
    f.learningSuggested = r.json.id;
    r = await max.post('/api/v1/learning/assignments', { team_id: f.north, kind: 'course', title: 'Matrix training', due_on: '2026-12-15' });
    assert.equal(r.status, 201, r.text);
    f.learningAssignment = r.json.id;
    f.learningPool = [];
    for (let i = 0; i < 24; i++) {
      r = await rita.post('/api/v1/learning', { kind: 'article', title: `Matrix pool ${i}`, hours: 1 });
      assert.equal(r.status, 201, r.text);
      f.learningPool.push(r.json.id);
    }
    f.ritaAndMaxOnly = [...(f.ritaAndMaxOnly ?? []), ...Object.values(secrets)];
  }

  // learning (issue 9): the achievement-orientation index and the team's learning

  // learning (issue 9): the library
  {
    // two books of Max's; Rita has one copy of the first (the loan to
    // return) and returned another book with a takeaway — her reflection,
    // seen by her and Max only, never on the item or in Ann's answers
    const maxApi = api('max@acme.test');
    const item = async (title, copies) => {
      const x = await maxApi.post('/api/v1/library', { kind: 'book', title, copies, trait_ids: [f.trait] });
      assert.equal(x.status, 201, x.text);
      return x.json.id;
    };
    f.libItem = await item('Matrix library book', 5);
    f.libItem2 = await item('Matrix library book to retire', 1);
    const read = await item('Matrix library book read', 1);
    r = await rita.post(`/api/v1/library/${f.libItem}/borrow`, {});
    assert.equal(r.status, 201, r.text);
    f.libLoan = r.json.id;
    r = await rita.post(`/api/v1/library/${read}/borrow`, {});
    assert.equal(r.status, 201, r.text);
    r = await rita.post(`/api/v1/library/loans/${r.json.id}/return`, { takeaway: 'Matrix library takeaway 7f3a', rating: 4 });
    assert.equal(r.status, 200, r.text);
    f.ritaAndMaxOnly = [...(f.ritaAndMaxOnly ?? []), 'Matrix library takeaway 7f3a'];
  }

  // learning (issue 9): sales meetings and the case library
  {
    // a meeting of team North with a case on its agenda, and North's notes
    // (team business: Rita, Max and Ann see them; not Rob, Mia or another
    // organisation); a second meeting for the notes route; two cases
    const maxApi = api('max@acme.test');
    r = await maxApi.post('/api/v1/cases', { title: 'Matrix case', situation: 'S', challenge: 'C', good_handling: 'G' });
    assert.equal(r.status, 201, r.text);
    f.practiceCase = r.json.id;
    r = await maxApi.post('/api/v1/cases', { title: 'Matrix case 2', situation: 'S', challenge: 'C', good_handling: 'G' });
    assert.equal(r.status, 201, r.text);
    f.practiceCase2 = r.json.id;
    r = await maxApi.post('/api/v1/meetings', { team_id: f.north, held_on: '2026-11-20', title: 'Matrix meeting', notes: 'Matrix meeting notes 7f3a' });
    assert.equal(r.status, 201, r.text);
    f.meeting = r.json.id;
    r = await maxApi.post(`/api/v1/meetings/${f.meeting}/items`, { kind: 'case', case_id: f.practiceCase });
    assert.equal(r.status, 201, r.text);
    f.meetingItem = r.json.id;
    r = await maxApi.post('/api/v1/meetings', { team_id: f.north, held_on: '2026-11-27', title: 'Matrix meeting 2', notes: 'Matrix meeting notes 7f3a' });
    assert.equal(r.status, 201, r.text);
    f.meeting2 = r.json.id;
    f.privateTexts = [...(f.privateTexts ?? []), ['Matrix meeting notes 7f3a', ['repA', 'mgrA', 'admin']]];
  }

  // development (issue 8): field coaching and one-on-ones
  {
    // a one-on-one of Rita's with Max, an agenda point, an action, and notes
    // (the private ones Max's alone; the secrets are checked in one-on-ones.test.mjs)
    const maxApi = api('max@acme.test');
    r = await maxApi.post('/api/v1/one-on-ones', { rep_id: f.rita, scheduled_on: '2026-11-20' });
    assert.equal(r.status, 201, r.text);
    f.ooo = r.json.id;
    r = await rita.post(`/api/v1/one-on-ones/${f.ooo}/points`, { text: 'Matrix one-on-one point 7f3a' });
    assert.equal(r.status, 201, r.text);
    r = await rita.post(`/api/v1/one-on-ones/${f.ooo}/actions`, { what: 'Matrix one-on-one action 7f3a' });
    assert.equal(r.status, 201, r.text);
    f.oooAction = r.json.id;
    r = await maxApi.send('PATCH', `/api/v1/one-on-ones/${f.ooo}`, { shared_notes: 'Matrix shared 7f3a', private_notes: 'Matrix private 7f3a' });
    assert.equal(r.status, 200, r.text);
    const { sqlExec } = await import('./lib.mjs');
    const trait = Number(sqlExec(ctx.db, `SELECT min(id) FROM traits WHERE org_id = ${ctx.ids.acme}`).trim().split(/\s+/).filter((x) => /^\d+$/.test(x))[0]);
    r = await maxApi.post('/api/v1/observations', { rep_id: f.rita, kind: 'joint_call', observed_on: '2026-11-20',
      went_well: 'Matrix went well 7f3a', scores: [{ trait_id: trait, score: 4, seen: 'Matrix seen 7f3a' }] });
    assert.equal(r.status, 201, r.text);
    f.obs = r.json.id;
    // Rita's and Max's only; the private notes Max's alone
    f.ritaAndMaxOnly = [...(f.ritaAndMaxOnly ?? []), 'Matrix one-on-one point 7f3a', 'Matrix one-on-one action 7f3a',
      'Matrix shared 7f3a', 'Matrix went well 7f3a', 'Matrix seen 7f3a'];
    f.privateTexts = [...(f.privateTexts ?? []), ['Matrix private 7f3a', ['mgrA']]];
  }

  // levers (issue 10): improvement plans
  {
    // Rita's plan (with days, so she sees it) with a review; the diagnosis
    // notes are Max's alone
    const maxApi = api('max@acme.test');
    r = await maxApi.post('/api/v1/improvement-plans', { rep_id: f.rita, flagged_on: '2026-11-02', diagnosis: 'skill',
      diagnosis_notes: 'Matrix diagnosis notes 7f3a', plan_start: '2026-11-09', plan_end: '2026-12-31' });
    assert.equal(r.status, 201, r.text);
    f.improve = r.json.id;
    r = await maxApi.send('PATCH', `/api/v1/improvement-plans/${f.improve}`, { items: [{ kind: 'review', on_date: '2026-12-01' },
      { kind: 'support', support_kind: 'coaching', text: 'Matrix support 7f3a' }] });
    assert.equal(r.status, 200, r.text);
    f.improveReview = r.json.reviews[0].id;
    f.ritaAndMaxOnly = [...(f.ritaAndMaxOnly ?? []), 'Matrix support 7f3a'];
    f.privateTexts = [...(f.privateTexts ?? []), ['Matrix diagnosis notes 7f3a', ['mgrA']]];
  }
  /* levers (issue 10): pulse */
  {
    // Rita answers this week's pulse with a comment and shares her pulse:
    // even shared, the comment stays hers
    r = await rita.post('/api/v1/pulse', { energy: 2, motivation: 2, workload: 5, comment: 'Matrix pulse comment 7f3a' });
    assert.equal(r.status, 201, r.text);
    r = await rita.send('PUT', '/api/v1/pulse/sharing', { shared: true });
    assert.equal(r.status, 200, r.text);
    f.privateTexts = [...(f.privateTexts ?? []), ['Matrix pulse comment 7f3a', ['repA']]];
  }
  /* levers (issue 10): leaderboards and contests */
  {
    // a running contest of North, made by Max
    const maxApi = api('max@acme.test');
    f.newContest = async () => {
      const c = await maxApi.post('/api/v1/contests', { name: 'Matrix contest', figure: 'steps_kept', mode: 'individual',
        starts_on: '2026-11-01', ends_on: '2026-11-30', teams: [f.north] });
      assert.equal(c.status, 201, c.text);
      return c.json.id;
    };
    f.contest = await f.newContest();
  }

  // running it for real (issue 16): a webhook of organisation A (written
  // directly: its loopback URL is refused when saved, and at once when sent)
  f.newWebhook = () => {
    sqlExec(ctx.db, "INSERT INTO webhooks (org_id, url, events, secret, enabled, failures, created_at, updated_at) "
      + `VALUES (${ctx.ids.acme}, 'http://127.0.0.1:9/matrix', ',deal.won,', 'whsec_matrix_7f3a', 1, 0, 1, 1)`);
    return Number(sqlExec(ctx.db, 'SELECT max(id) FROM webhooks').trim());
  };
  f.webhook = f.newWebhook();
  f.privateTexts = [...(f.privateTexts ?? []), ['whsec_matrix_7f3a', ['admin']]];
  /* levers (issue 10): the manager's own mirror — Max's self-assessment
   * (its evidence his alone) and an open upward round of his */
  {
    const { acme, max } = ctx.ids;
    sqlExec(ctx.db, `INSERT INTO manager_assessments (org_id, manager_id, assessed_on, s_recruiting, s_coaching, s_underperformance, s_no_excuses, s_competition, e_coaching, created_at) VALUES (${acme}, ${max}, '2026-11-01', 3, 4, 2, 3, 4, 'Matrix mirror evidence 7f3a', 1)`);
    sqlExec(ctx.db, `INSERT INTO upward_rounds (org_id, manager_id, opened_on, created_at) VALUES (${acme}, ${max}, '2026-11-20', 1)`);
    f.maxRound = Number(sqlExec(ctx.db, `SELECT id FROM upward_rounds WHERE manager_id = ${max}`).trim());
    // the close row (Max) closes it; the answer rows need it open again
    f.openRound = () => {
      sqlExec(ctx.db, `UPDATE upward_rounds SET closed_on = NULL WHERE id = ${f.maxRound}`);
      return `/feedback/${f.maxRound}`;
    };
    f.privateTexts = [...(f.privateTexts ?? []), ['Matrix mirror evidence 7f3a', ['mgrA']]];
  }
  /* recruiting (issue 11): the talent pool and step or stop with candidates */
  {
    // a candidate of Max's in the pool with notes and a conversation; Rita
    // invited to interview them
    const maxApi = api('max@acme.test');
    r = await maxApi.post('/api/v1/candidates', { name: 'Matrix Candidate', source: 'event', job_title: 'Seller',
      notes: 'Matrix candidate notes 7f3a', email: 'matrix.candidate@example.test' });
    assert.equal(r.status, 201, r.text);
    f.candidate = r.json.id;
    r = await maxApi.post(`/api/v1/candidates/${f.candidate}/conversations`, { kind: 'call', date: '2026-11-20',
      outcome: 'step', step_what: 'Matrix candidate step 7f3a', step_due: '2026-12-01', step_who: 'Candidate' });
    assert.equal(r.status, 201, r.text);
    const maxS = await ctx.signIn('max@acme.test');
    r = await maxS.postForm(`/recruiting/candidates/${f.candidate}/invitations`, { csrf_token: maxS.csrf, user_id: String(f.rita) });
    assert.equal(r.status, 303, r.text.slice(0, 300));
    r = await maxApi.post('/api/v1/vacancies', { title: 'Matrix vacancy North', team_id: f.north });
    assert.equal(r.status, 201, r.text);
    f.vacancy = r.json.id;
    f.recruitStage = r.json.stages[0].id;
    f.privateTexts = [...(f.privateTexts ?? []), ['Matrix candidate notes 7f3a', ['mgrA', 'mgrB', 'admin']],
      ['Matrix candidate step 7f3a', ['mgrA', 'mgrB', 'admin']], ['matrix.candidate@example.test', ['mgrA', 'mgrB', 'admin']]];
  }
  /* interviews and scorecards (issue 11, part 3) */
  {
    // an interview of the candidate with Rita as its interviewer; her
    // draft's evidence is hers alone
    r = await api('max@acme.test').post('/api/v1/interviews', { candidate_id: f.candidate, held_on: '2026-11-22',
      kind: 'interview', interviewers: [f.rita] });
    assert.equal(r.status, 201, r.text);
    f.scorecard = r.json.scorecards[0].id;
    const goal = Number(sqlExec(ctx.db, `SELECT id FROM traits WHERE org_id = (SELECT org_id FROM candidates WHERE id = ${f.candidate}) AND code = 'goal'`).trim());
    r = await api('rita@acme.test').send('PUT', `/api/v1/scorecards/${f.scorecard}`,
      { scores: [{ trait_id: goal, score: 4, evidence: 'Matrix scorecard evidence 7f3a' }] });
    assert.equal(r.status, 200, r.text);
    f.privateTexts = [...(f.privateTexts ?? []), ['Matrix scorecard evidence 7f3a', ['repA']]];
  }

  return f;
}

/** a session and a token per caller (anonymous: neither) */
async function clients() {
  const out = { anon: { session: new Client(ctx.base) } };
  const login = await out.anon.session.page('/login');
  out.anon.session.csrf = login.csrf;	// the pre-sign-in token, for POST /login and /lang
  for (const [who, email] of Object.entries(EMAILS)) {
    const session = await ctx.signIn(email);
    const token = createToken(ctx.db, email.endsWith('@beta.test') ? 'beta' : 'acme', email);
    out[who] = { session, token };
  }
  return out;
}

async function call(client, via, method, p, json) {
  if (via === 'token') {
    const headers = client.token ? { Authorization: `Bearer ${client.token}` } : {};
    if (method === 'GET') return new Client(ctx.base).get(p, { headers, cookies: false });
    return new Client(ctx.base).sendJson(method, p, {}, { headers, cookies: false });
  }
  const c = client.session;
  if (method === 'GET') return c.get(p);
  if (json) return c.sendJson(method, p, {}, { headers: c.csrf ? { 'X-CSRF-Token': c.csrf } : {} });
  return c.postForm(p, c.csrf ? { csrf_token: c.csrf } : {});
}

function verdict(want, r, json) {
  if (want === OK) {
    const toLogin = r.status === 303 && /^\/login/.test(r.location || '');
    return ![401, 403, 404].includes(r.status) && r.status < 500 && !toLogin;
  }
  if (want === LOGIN)
    return json ? r.status === 401 : r.status === 303 && /^\/login\?next=/.test(r.location || '');
  return r.status === want;
}

// every secret text of Rita's with who may see it: her deal's work (those
// who may see her deals), her development data (Rita and Max only, not the
// admin who sees her deals) and what a feature's fixture lists itself with
// its own readers (Max's private one-on-one notes)
function privateTexts(f) {
  return [
    ...[f.secretTitle, f.secretStep, f.secretNotes, ...(f.secrets ?? [])].map((t) => [t, [...SEES_RITA]]),
    ...[f.secretEvidence, ...(f.ritaAndMaxOnly ?? [])].map((t) => [t, ['repA', 'mgrA']]),
    ...(f.privateTexts ?? []),
  ];
}

test('every route answers every caller as its row says, and leaks nothing', async (t) => {
  const f = await fixture();
  const texts = privateTexts(f);
  const who = await clients();
  const routes = routeTable();
  const wrong = [], leaks = [];
  let cells = 0;
  for (const route of routes) {
    const row = ROWS[routeKey(route)];
    if (!row || row.skip) continue;
    const json = route.flags.includes('json');
    for (const caller of CALLERS) {
      for (const via of json && caller !== 'anon' ? ['session', 'token'] : ['session']) {
        if (row.fresh === 'token') f.token = await f.newToken();
        else if (row.fresh === 'webhook') f.freshWebhook = f.newWebhook();
        else if (row.fresh === 'contest') f.contest = await f.newContest();	// leaderboards and contests
        else if (row.fresh) f.target = await f.newTarget();
        const p = row.path ? row.path(f) : route.pattern;
        const r = await call(who[caller], via, route.method, p, json);
        cells++;
        const want = row.who[caller];
        if (!verdict(want, r, json))
          wrong.push(`${route.method} ${p} as ${caller} (${via}): ${r.status}${r.location ? ` → ${r.location}` : ''}, want ${want}`);
        for (const [secret, seers] of texts)
          if (!seers.includes(caller) && r.text.includes(secret))
            leaks.push(`${route.method} ${p} as ${caller} (${via}) shows "${secret}"`);
        if (caller === 'xAdmin' || caller === 'xRep')
          for (const mark of ['Acme Sales', 'Rita Rep', 'rita@acme.test', 'Matrix Account'])
            if (r.text.includes(mark)) leaks.push(`${route.method} ${p} as ${caller} (${via}) shows "${mark}"`);
      }
    }
  }
  assert.deepEqual(leaks, [], 'private data in answers to callers who may not see it');
  assert.deepEqual(wrong, [], `${wrong.length} of ${cells} cells answered otherwise than their row says`);
  assert.ok(cells > 700, `cells asked: ${cells}`);
  t.diagnostic(`${routes.length} routes, ${cells} cells`);
});

// levers (issue 10), more: the inbox's CSV and Excel answer every caller as
// the inbox page does (a manager's or admin's own), and the other
// organisation's carry nothing of Acme
test('the inbox export answers every caller as GET /inbox does', async () => {
  const who = await clients();
  const wrong = [], leaks = [];
  const want = ROWS['GET /inbox'].who;
  for (const format of ['csv', 'xlsx'])
    for (const caller of CALLERS) {
      const r = await call(who[caller], 'session', 'GET', `/inbox?format=${format}`, false);
      if (!verdict(want[caller], r, false)) wrong.push(`/inbox?format=${format} as ${caller}: ${r.status}, want ${want[caller]}`);
      if (want[caller] === OK && r.status !== 200) wrong.push(`/inbox?format=${format} as ${caller}: ${r.status}, want 200`);
      if (caller === 'xAdmin' && /Rita Rep|Acme/.test(r.text)) leaks.push(`/inbox?format=${format} as ${caller}`);
    }
  assert.deepEqual(leaks, []);
  assert.deepEqual(wrong, []);
});

testCleanStop(ctx);
