// lib: what the end-to-end tests share — a fresh database (SQLite file, or a
// PostgreSQL database when SG_PG_URL_BASE is set), seeded through the real
// command line; the real server started on a free port and stopped with
// SIGTERM; and a small HTTP client with a cookie jar that reads CSRF tokens
// from forms and posts them back, as a browser would.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, createWriteStream, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.resolve(ROOT, process.env.SALESGARDEN_BIN || 'build/asan/salesgarden');
export const PG_BASE = process.env.SG_PG_URL_BASE || '';
export const LOG_DIR = path.resolve(ROOT, process.env.SG_TEST_LOGS || 'build/test-logs');
export const PASSWORD = 'Garden-path-2024';

// ASan reports go to the server log; a leak or error makes the exit code non-zero
const SAN_ENV = {
  ASAN_OPTIONS: process.env.ASAN_OPTIONS || 'abort_on_error=0:detect_leaks=1',
  UBSAN_OPTIONS: process.env.UBSAN_OPTIONS || 'print_stacktrace=1:halt_on_error=1',
};

let dbCounter = 0;

/** Runs `salesgarden ARGS` to completion: { code, stdout, stderr }. */
export function sg(args, { input, env, db } = {}) {
  const full = db ? [...args, '--db', db.url] : args;
  const r = spawnSync(BIN, full, {
    input: input ?? '',
    env: { ...process.env, ...SAN_ENV, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** sg() without blocking the event loop, for commands that run beside requests. */
export function sgAsync(args, { input, env, db } = {}) {
  const full = db ? [...args, '--db', db.url] : args;
  return new Promise((resolve, reject) => {
    const p = spawn(BIN, full, { env: { ...process.env, ...SAN_ENV, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    p.on('error', reject);
    p.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    p.stdin.end(input ?? '');
  });
}

/** Like sg() but throws with the output when the command does not exit 0. */
export function sgOk(args, opts) {
  const r = sg(args, opts);
  if (r.code !== 0)
    throw new Error(`salesgarden ${args.join(' ')} exited ${r.code}\n${r.stdout}${r.stderr}`);
  return r;
}

export function psql(url, sql) {
  return execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At', url, '-c', sql], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/* speed (issue 15): roll-ups. Before a test database goes, `salesgarden
 * rollups check` compares its roll-ups with a full recomputation, so every
 * write an e2e test made is checked; a difference fails the test file (other
 * failures of the check, e.g. a database never migrated, are not its business).
 * SG_ROLLUPS_CHECK=0 skips it. */
export function rollupsCheck(db) {
  if (process.env.SG_ROLLUPS_CHECK === '0') return;
  const r = spawnSync(BIN, ['rollups', 'check', '--db', db.url], {
    env: { ...process.env, ...SAN_ENV }, encoding: 'utf8', timeout: 120_000,
  });
  if (r.status === 1 && /differ from a full recomputation/.test(r.stdout))
    throw new Error(`roll-ups differ from a full recomputation in ${db.url}:\n${r.stdout}`);
}

/**
 * A fresh, empty database: { kind, url, dir, drop() }. SQLite: a file in a new
 * temporary directory; PostgreSQL: a new database on the server at
 * SG_PG_URL_BASE (or the given base). drop() removes it.
 */
export function freshDb({ pgBase = PG_BASE } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-e2e-'));
  if (!pgBase) {
    const file = path.join(dir, 'salesgarden.db');
    return {
      kind: 'sqlite', url: `sqlite:${file}`, file, dir,
      drop() {
        try { if (existsSync(file)) rollupsCheck(this); } finally { rmSync(dir, { recursive: true, force: true }); }
      },
    };
  }
  const name = `sg_e2e_${process.pid}_${++dbCounter}_${Math.random().toString(36).slice(2, 8)}`;
  psql(`${pgBase}/postgres`, `CREATE DATABASE ${name}`);
  return {
    kind: 'pg', url: `${pgBase}/${name}`, name, dir, pgBase,
    drop() {
      try { rollupsCheck(this); } finally {
        try { psql(`${pgBase}/postgres`, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } catch { /* server gone */ }
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs SQL on the database with the sqlite3 or psql command-line tool. */
export function sqlExec(db, sql) {
  if (db.kind === 'sqlite')
    return execFileSync('sqlite3', [db.file, sql], { encoding: 'utf8' });
  return psql(db.url, sql);
}

function idOf(out) {
  const m = /\(id (\d+)\)/.exec(out);
  if (!m) throw new Error(`no id in: ${out}`);
  return Number(m[1]);
}

export function addOrg(db, slug, name, extra = []) {
  return idOf(sgOk(['org', 'add', '--slug', slug, '--name', name, ...extra], { db }).stdout);
}
export function addTeam(db, org, name, { manager, territory, segment } = {}) {
  const args = ['team', 'add', '--org', org, '--name', name];
  if (manager) args.push('--manager', manager);
  if (territory) args.push('--territory', territory);
  if (segment) args.push('--segment', segment);
  return idOf(sgOk(args, { db }).stdout);
}
export function addUser(db, org, email, name, role, { team, password = PASSWORD } = {}) {
  const args = ['user', 'add', '--org', org, '--email', email, '--name', name, '--role', role,
    '--password-stdin'];
  if (team) args.push('--team', team);
  return idOf(sgOk(args, { db, input: `${password}\n` }).stdout);
}
export function createToken(db, org, email) {
  const tok = sgOk(['token', 'create', '--org', org, '--email', email], { db }).stdout.trim();
  if (!tok.startsWith('sg_')) throw new Error(`unexpected token: ${tok}`);
  return tok;
}

/**
 * The people most tests use. Organisation "acme": admin Ann; managers Max
 * (leads North) and Mia (leads South); reps Rita (North) and Rob (South).
 * Organisation "beta": admin Bea, team Beta Team with rep Ben.
 * Returns the ids, keyed by first name and team.
 */
export function seedStandard(db) {
  const ids = {};
  ids.acme = addOrg(db, 'acme', 'Acme Sales');
  ids.ann = addUser(db, 'acme', 'ann@acme.test', 'Ann Admin', 'admin');
  ids.max = addUser(db, 'acme', 'max@acme.test', 'Max Manager', 'manager');
  ids.mia = addUser(db, 'acme', 'mia@acme.test', 'Mia Manager', 'manager');
  ids.north = addTeam(db, 'acme', 'North', { manager: 'max@acme.test', territory: 'Noord', segment: 'SMB' });
  ids.south = addTeam(db, 'acme', 'South', { manager: 'mia@acme.test', territory: 'Zuid', segment: 'Enterprise' });
  ids.rita = addUser(db, 'acme', 'rita@acme.test', 'Rita Rep', 'rep', { team: 'North' });
  ids.rob = addUser(db, 'acme', 'rob@acme.test', 'Rob Rep', 'rep', { team: 'South' });
  ids.beta = addOrg(db, 'beta', 'Beta Trading');
  ids.bea = addUser(db, 'beta', 'bea@beta.test', 'Bea Admin', 'admin');
  ids.betaTeam = addTeam(db, 'beta', 'Beta Team');
  ids.ben = addUser(db, 'beta', 'ben@beta.test', 'Ben Rep', 'rep', { team: 'Beta Team' });
  return ids;
}

let serverCounter = 0;

/**
 * Starts `salesgarden serve` on 127.0.0.1 and a port the system picks, and
 * waits for its "listening" line. Returns { base, port, proc, log(), stop(), kill() }.
 * stop() sends SIGTERM and resolves to { code, signal, stderr }.
 */
export async function startServer(db, { env = {}, name = 'server' } = {}) {
  mkdirSync(LOG_DIR, { recursive: true });
  const tag = `${path.basename(process.argv[1] || 'e2e', '.mjs')}-${db.kind}-${process.pid}-${++serverCounter}-${name}`;
  const logFile = path.join(LOG_DIR, `${tag}.log`);
  const logStream = createWriteStream(logFile);
  logStream.on('error', () => { /* a log that cannot be written must not fail the test */ });
  const proc = spawn(BIN, ['serve', '--listen', '127.0.0.1:0', '--threads', '2', '--db', db.url], {
    // speed (issue 15): upload — the server's private directory of uploads
    // inside the test database's directory, removed with it
    env: { ...process.env, ...SAN_ENV, SALESGARDEN_FILES: path.join(db.dir, 'files'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise((resolve) => {
    proc.on('exit', (code, signal) => {
      logStream.end();
      resolve({ code, signal });
    });
  });
  proc.stdout.on('data', (d) => logStream.write(d));
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${stderr}`)), 60_000);
    proc.stderr.on('data', (d) => {
      stderr += d;
      logStream.write(d);
      const m = /salesgarden listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${stderr}`));
    });
  });
  let stopped = null;
  const srv = {
    base: `http://127.0.0.1:${port}`,
    port, proc, logFile,
    log: () => stderr,
    async stop() {
      if (!stopped) {
        proc.kill('SIGTERM');
        stopped = exited.then((r) => ({ ...r, stderr }));
      }
      return stopped;
    },
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        const t = setTimeout(() => proc.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(t);
      }
    },
  };
  return srv;
}

/**
 * The usual set-up of a test file: before the tests, a fresh database
 * seeded by `seed` (default seedStandard) and a server on it; after them, the
 * server stopped and the database dropped, whatever happened. Returns an
 * object that is filled in by the time the tests run: { db, ids, server, base }.
 */
export function useServer({ seed = seedStandard, env = {} } = {}) {
  const ctx = {};
  before(async () => {
    ctx.db = freshDb();
    ctx.ids = seed(ctx.db);
    ctx.server = await startServer(ctx.db, { env });
    ctx.base = ctx.server.base;
  });
  after(async () => {
    if (ctx.server) await ctx.server.kill();
    if (ctx.db) ctx.db.drop();
  });
  ctx.client = () => new Client(ctx.base);
  ctx.signIn = async (email, password = PASSWORD) => {
    const c = new Client(ctx.base);
    await c.signIn(email, password);
    return c;
  };
  return ctx;
}

/** The value of <input name="csrf_token" value="..."> in a page, or null. */
export function csrfFrom(html) {
  const m = /<input[^>]*\bname="csrf_token"[^>]*\bvalue="([^"]*)"/.exec(html)
    || /<input[^>]*\bvalue="([^"]*)"[^>]*\bname="csrf_token"/.exec(html);
  return m ? m[1] : null;
}

/**
 * The first <form> whose action is `action` (a "#fragment" of the action is
 * ignored): { method, action, html, fields: [names], inputs: [{name,type,value}] }.
 */
export function formFrom(html, action) {
  const re = /<form\b([^>]*)>([\s\S]*?)<\/form>/g;
  for (let m; (m = re.exec(html));) {
    const attrs = m[1];
    const act = /\baction="([^"]*)"/.exec(attrs)?.[1]?.replace(/#.*/, '');
    if (act !== action) continue;
    const fields = [];
    for (const f of m[2].matchAll(/<(?:input|select|textarea|button)\b[^>]*\bname="([^"]*)"/g))
      if (!fields.includes(f[1])) fields.push(f[1]);
    const inputs = [...m[2].matchAll(/<input\b[^>]*>/g)].map((i) => ({
      name: /\bname="([^"]*)"/.exec(i[0])?.[1],
      type: /\btype="([^"]*)"/.exec(i[0])?.[1] || 'text',
      value: /\bvalue="([^"]*)"/.exec(i[0])?.[1] ?? '',
    }));
    return {
      method: (/\bmethod="([^"]*)"/.exec(attrs)?.[1] || 'get').toLowerCase(),
      action: act, html: m[0], fields, inputs,
    };
  }
  return null;
}

/** Decodes the few HTML entities the server writes, for comparing text. */
export function unescapeHtml(s) {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
}

/**
 * An HTTP client with a cookie jar. Never follows redirects (each test looks
 * at the 303 itself). Every method resolves to
 * { status, headers, text, json, location, cookies: [raw Set-Cookie lines] }.
 */
export class Client {
  constructor(base) {
    this.base = base;
    this.jar = new Map();
    this.lastCsrf = null;
  }

  cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  storeCookies(lines) {
    for (const line of lines) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
      if (expired || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async request(method, p, { body, headers = {}, cookies = true } = {}) {
    const h = { ...headers };
    if (cookies && this.jar.size && !h.Cookie) h.Cookie = this.cookieHeader();
    const res = await fetch(this.base + p, { method, headers: h, body, redirect: 'manual' });
    // getSetCookie() is node 19.7+; before it, the lines come joined by ", "
    // (safe to split here: the server's cookies carry Max-Age, never Expires dates)
    const setCookies = res.headers.getSetCookie ? res.headers.getSetCookie()
      : (res.headers.get('set-cookie') || '').split(/,\s*(?=[A-Za-z0-9_]+=)/).filter(Boolean);
    if (cookies) this.storeCookies(setCookies);
    const text = await res.text();
    let json;
    if ((res.headers.get('content-type') || '').startsWith('application/json')) {
      try { json = JSON.parse(text); } catch { json = undefined; }
    }
    const out = {
      status: res.status, headers: res.headers, text, json,
      location: res.headers.get('location'), cookies: setCookies,
    };
    const tok = csrfFrom(text);
    if (tok) this.lastCsrf = tok;
    return out;
  }

  get(p, opts) { return this.request('GET', p, opts); }

  /** Posts fields as application/x-www-form-urlencoded (an object or URLSearchParams). */
  postForm(p, fields, { headers = {}, ...opts } = {}) {
    const body = fields instanceof URLSearchParams ? fields : new URLSearchParams(fields);
    return this.request('POST', p, {
      ...opts, body: body.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  /** Sends JSON (a value, or a ready string for malformed bodies). */
  sendJson(method, p, value, { headers = {}, ...opts } = {}) {
    return this.request(method, p, {
      ...opts, body: typeof value === 'string' ? value : JSON.stringify(value),
      headers: { 'Content-Type': 'application/json', ...headers },
    });
  }

  /** GETs a page and returns it with the csrf_token of its forms. */
  async page(p, opts) {
    const r = await this.get(p, opts);
    return { ...r, csrf: csrfFrom(r.text) };
  }

  /** Signs in through the login form; throws unless the answer is 303. */
  async signIn(email, password = PASSWORD) {
    const { csrf } = await this.page('/login');
    const r = await this.postForm('/login', { csrf_token: csrf, email, password });
    if (r.status !== 303)
      throw new Error(`sign-in of ${email} answered ${r.status}: ${r.text.slice(0, 400)}`);
    // the CSRF token of the session, for later posts
    this.csrf = (await this.page('/')).csrf;
    return r;
  }
}

/** A client that sends an API token and no cookies. */
export function apiClient(base, token) {
  const c = new Client(base);
  const auth = token ? { Authorization: `Bearer ${token}` } : {};
  return {
    get: (p, h = {}) => c.get(p, { headers: { ...auth, ...h }, cookies: false }),
    post: (p, v, h = {}) => c.sendJson('POST', p, v, { headers: { ...auth, ...h }, cookies: false }),
    send: (m, p, v, h = {}) => c.sendJson(m, p, v, { headers: { ...auth, ...h }, cookies: false }),
  };
}

/** The list in a JSON list answer, whether it is bare or wrapped ({"users":[...]}, {"items":[...]}). */
export function listOf(body, key) {
  if (Array.isArray(body)) return body;
  if (body && Array.isArray(body[key])) return body[key];
  if (body && Array.isArray(body.items)) return body.items;
  if (body && Array.isArray(body.data)) return body.data;
  throw new Error(`no list in ${JSON.stringify(body).slice(0, 300)}`);
}

/** Ports for servers the tests start themselves (pg.sh), away from the suite's own. */
export function freePort() {
  return new Promise((resolve, reject) => {
    import('node:net').then(({ createServer }) => {
      const s = createServer();
      s.unref();
      s.on('error', reject);
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
    });
  });
}

export function pgScript(...args) {
  return execFileSync(path.join(ROOT, 'scripts/pg.sh'), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The last test of a file: SIGTERM stops the server, which says so and exits 0. */
export function testCleanStop(ctx) {
  test('SIGTERM stops the server: exit status 0 and a "stopped" line in its log', async () => {
    const r = await ctx.server.stop();
    assert.equal(r.signal, null, `server died of ${r.signal}; log: ${ctx.server.logFile}`);
    assert.equal(r.code, 0, `server exited ${r.code}; log: ${ctx.server.logFile}\n${r.stderr.slice(-3000)}`);
    assert.match(r.stderr, /received SIGTERM/);
    assert.match(r.stderr, /\bstopped\n/);
  });
}
