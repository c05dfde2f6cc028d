#!/usr/bin/env bash
# bench-import.sh: the import part of `make bench` (scripts/bench.sh runs it
# last; `scripts/bench.sh import` runs it alone). How near is
# `salesgarden import deals` to the database's own loader?
#
# A 1,000,000-row deals CSV (1,000 owners, 40,000 accounts, won, lost and open
# deals) imported by `salesgarden import deals` into a fresh database — every
# row read, validated and upserted, owners and accounts created — beside two
# anchors timed in the same run on the same file:
#   - the sqlite3 shell's `.import` into a plain table (the loader's limit);
#   - the sqlite3 shell loading the file into a temporary table and then
#     writing the same rows into the real schema with its indexes (accounts,
#     owners, then `INSERT INTO deals ... SELECT ...`): what set-based SQL in
#     the shell costs for the same stored result.
# Then the same file again: a re-import that must change nothing.
# With SG_PG_URL_BASE (postgresql://user@host:port) the same file is also
# imported into a fresh PostgreSQL database, beside `psql \copy` of it into
# a plain table.
#
#   BENCH_IMPORT_ROWS=1000000   rows in the file
#   BENCH_SG=./salesgarden      the binary whose import is timed (another build,
#                               to compare two in the same conditions)
set -euo pipefail
cd "$(dirname "$0")/.."

dir=build/bench
mkdir -p "$dir"
# the summary table of `make bench` (scripts/bench.sh prints it): one line
# per measure, measure<TAB>ours<TAB>anchor<TAB>ratio<TAB>aim<TAB>met
SUMMARY=${SUMMARY:-build/bench/summary.tsv}
for t in sqlite3 awk; do
  command -v $t >/dev/null || { echo "bench-import: $t is missing (make deps)"; exit 0; }
done
[ -x ./salesgarden ] || { echo "bench-import: ./salesgarden is missing (make salesgarden)"; exit 0; }

rows=${BENCH_IMPORT_ROWS:-1000000}
sg=${BENCH_SG:-./salesgarden}
csv=$dir/deals-$rows.csv
if [ ! -s "$csv" ]; then
  awk -v n="$rows" 'BEGIN {
    srand(42)
    print "external_id,title,account,owner,amount,currency,stage,status,close_date,created_date,product,lost_reason"
    split("Cloud,Connect,Onboarding & training,Support Plus", prod, ",")
    split("price,competitor,no_budget,timing,no_decision", why, ",")
    for (i = 1; i <= n; i++) {
      r = int(rand() * 1000) + 1; a = int(rand() * 40000) + 1; x = rand()
      st = x < 0.3 ? "won" : x < 0.7 ? "lost" : "open"
      m = int(rand() * 12) + 1; d = int(rand() * 28) + 1
      printf "crm-%07d,Deal %07d,Account %05d B.V.,rep%04d@import.example,%d.%02d,EUR,%s,%s,2026-%02d-%02d,2025-%02d-%02d,\"%s\",%s\n",
        i, i, a, r, int(rand() * 50000) + 500, int(rand() * 100), st == "open" ? "Proposal" : "", st,
        m, d, m, d, prod[int(rand() * 4) + 1], st == "lost" ? why[int(rand() * 5) + 1] : ""
    }
  }' >"$csv"
fi
ns_now() { date +%s%N; }
fresh() {	# fresh DB: a migrated SQLite database with the organisation imp
  rm -f "$1" "$1-wal" "$1-shm"
  ./salesgarden migrate --db "sqlite:$1" >/dev/null 2>&1
  ./salesgarden org add --slug imp --name "Import B.V." --db "sqlite:$1" >/dev/null
}
imp=$dir/import.db raw=$dir/import-raw.db sch=$dir/import-schema.db
rm -f "$raw"
fresh "$imp"
fresh "$sch"
# the schema anchor's stages exist beforehand (the import creates Proposal
# itself; the won and lost stages are what closing a deal uses)
sqlite3 "$sch" "INSERT INTO stages (org_id, name, position, kind) VALUES
  (1, 'Proposal', 1, 'open'), (1, 'Won', 2, 'won'), (1, 'Lost', 3, 'lost')"

t0=$(ns_now)
sqlite3 "$raw" ".import --csv $csv deals_raw"
t1=$(ns_now)
# the shell's own connection settings are the defaults of a WAL database,
# as the server's (journal_mode=WAL, synchronous=NORMAL, foreign keys on)
sqlite3 "$sch" <<SQL >/dev/null
PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;
CREATE TEMP TABLE f (external_id, title, account, owner, amount, currency, stage, status, close_date,
                     created_date, product, lost_reason);
.import --csv --skip 1 $csv f
BEGIN;
INSERT INTO accounts (org_id, name, created_at)
  SELECT 1, account, 0 FROM (SELECT DISTINCT account FROM f ORDER BY account);
CREATE TEMP TABLE acc AS SELECT name, id FROM accounts WHERE org_id = 1;
CREATE UNIQUE INDEX temp.acc_name ON acc(name);
INSERT INTO users (org_id, email, name, role, created_at)
  SELECT 1, owner, owner, 'rep', 0 FROM (SELECT DISTINCT owner FROM f ORDER BY owner);
CREATE TEMP TABLE own AS SELECT email, id FROM users WHERE org_id = 1;
CREATE UNIQUE INDEX temp.own_email ON own(email);
INSERT INTO deals (org_id, title, account_id, value_minor, currency, owner_id, stage_id, product,
                   expected_close, status, lost_reason, lost_note, closed_on, created_on, stage_changed_on,
                   external_id, created_at, updated_at)
  SELECT 1, f.title, acc.id, CAST(round(f.amount * 100) AS INTEGER), f.currency, own.id,
         (SELECT id FROM stages WHERE org_id = 1 AND CASE f.status WHEN 'open' THEN name = f.stage
                                                                   ELSE kind = f.status END),
         f.product, CASE f.status WHEN 'open' THEN f.close_date END, f.status, nullif(f.lost_reason, ''), '',
         CASE WHEN f.status <> 'open' THEN f.close_date END, f.created_date,
         CASE WHEN f.status <> 'open' THEN f.close_date ELSE f.created_date END, f.external_id, 0, 0
  FROM f JOIN acc ON acc.name = f.account JOIN own ON own.email = f.owner;
COMMIT;
SQL
t2=$(ns_now)
out=$("$sg" import deals "$csv" --org imp --create-missing --db "sqlite:$imp" 2>&1 | tail -n 3 || true)
t3=$(ns_now)
again=$("$sg" import deals "$csv" --org imp --create-missing --db "sqlite:$imp" 2>&1 | tail -n 3 || true)
t4=$(ns_now)
n_sch=$(sqlite3 "$sch" "SELECT count(*) FROM deals")
n_imp=$(sqlite3 "$imp" "SELECT count(*) FROM deals")
echo
echo "import of $rows deals ($(du -h "$csv" | cut -f1) CSV), SQLite:"
awk -v n="$rows" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" 'BEGIN {
  sh = (b - a) / 1e9; sc = (c - b) / 1e9; sg = (d - c) / 1e9; re = (e - d) / 1e9
  printf "  sqlite3 .import into a plain table        %7.2f s  %9.0f rows/s\n", sh, n / sh
  printf "  sqlite3 into the schema (INSERT..SELECT)  %7.2f s  %9.0f rows/s  (%.2f of .import)\n", sc, n / sc, sh / sc
  printf "  salesgarden import deals (new)            %7.2f s  %9.0f rows/s  (%.2f of .import, %.2f of the schema anchor)\n", sg, n / sg, sh / sg, sc / sg
  printf "  salesgarden import deals (again)          %7.2f s  %9.0f rows/s  (%.2f of .import)\n", re, n / re, sh / re
  if (sh / sg < 0.5) print "WARNING: the first import is below half the shell'"'"'s .import"
  if (sg > sc) print "WARNING: the first import is slower than the shell writing the same schema"
  if (sh / re < 1) print "WARNING: the re-import is slower than the shell'"'"'s .import" }'
awk -v n="$rows" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" 'BEGIN {
  sh = (b - a) / 1e9; sc = (c - b) / 1e9; sg = (d - c) / 1e9; re = (e - d) / 1e9
  printf "import %d deals, first (SQLite)\t%.0f rows/s\t.import %.0f rows/s; schema anchor %.0f rows/s\t%.2f× .import, %.2f× schema\t≥ 0.5× .import and ≥ 1× schema\t%s\n",
    n, n / sg, n / sh, n / sc, sh / sg, sc / sg, (sh / sg >= 0.5 && sc / sg >= 1) ? "yes" : "no"
  printf "re-import %d deals, all skipped (SQLite)\t%.0f rows/s\t.import %.0f rows/s\t%.2f×\t≥ 1× .import\t%s\n",
    n, n / re, n / sh, sh / re, (sh / re >= 1) ? "yes" : "no" }' >>"$SUMMARY"
echo "  deals stored: $n_imp by the import, $n_sch by the schema anchor"
echo "  first run:  $(tr '\n' ' ' <<<"$out")"
echo "  second run: $(tr '\n' ' ' <<<"$again")"

# --- PostgreSQL -------------------------------------------------------------
# the same three: psql's \copy into a plain table; psql writing the rows into
# the real schema (INSERT ... SELECT from that table, in a database of its
# own); and the import, new and again
if [ -n "${SG_PG_URL_BASE:-}" ] && command -v psql >/dev/null; then
  pgdb=sg_bench_import_$$ pgsch=sg_bench_import_schema_$$
  pgdrop() { psql -q "$SG_PG_URL_BASE/postgres" -c "DROP DATABASE IF EXISTS $pgdb" -c "DROP DATABASE IF EXISTS $pgsch" >/dev/null 2>&1 || true; }
  trap pgdrop EXIT
  psql -q "$SG_PG_URL_BASE/postgres" -c "CREATE DATABASE $pgdb" -c "CREATE DATABASE $pgsch" >/dev/null
  pg=$SG_PG_URL_BASE/$pgdb ps=$SG_PG_URL_BASE/$pgsch
  for u in "$pg" "$ps"; do
    ./salesgarden migrate --db "$u" >/dev/null 2>&1
    ./salesgarden org add --slug imp --name "Import B.V." --db "$u" >/dev/null
  done
  raw_table="CREATE TABLE deals_raw (external_id text, title text, account text, owner text, amount text,
    currency text, stage text, status text, close_date text, created_date text, product text, lost_reason text)"
  psql -q "$pg" -c "$raw_table"
  psql -q "$ps" -c "$raw_table" -c "INSERT INTO stages (org_id, name, position, kind)
    SELECT id, s.name, s.position, s.kind FROM orgs, (VALUES ('Proposal', 1, 'open'), ('Won', 2, 'won'),
    ('Lost', 3, 'lost')) AS s (name, position, kind) WHERE slug = 'imp'"
  p0=$(ns_now)
  psql -q "$pg" -c "\\copy deals_raw FROM '$csv' WITH (FORMAT csv, HEADER true)"
  p1=$(ns_now)
  psql -q "$ps" >/dev/null <<SQL
\\copy deals_raw FROM '$csv' WITH (FORMAT csv, HEADER true)
ANALYZE deals_raw;
BEGIN;
INSERT INTO accounts (org_id, name, created_at)
  SELECT o.id, f.account, 0 FROM orgs o, (SELECT DISTINCT account FROM deals_raw) f WHERE o.slug = 'imp';
INSERT INTO users (org_id, email, name, role, created_at)
  SELECT o.id, f.owner, f.owner, 'rep', 0 FROM orgs o, (SELECT DISTINCT owner FROM deals_raw) f WHERE o.slug = 'imp';
ANALYZE accounts; ANALYZE users;
INSERT INTO deals (org_id, title, account_id, value_minor, currency, owner_id, stage_id, product,
                   expected_close, status, lost_reason, lost_note, closed_on, created_on, stage_changed_on,
                   external_id, created_at, updated_at)
  SELECT a.org_id, f.title, a.id, round(f.amount::numeric * 100)::bigint, f.currency, u.id,
         (SELECT id FROM stages s WHERE s.org_id = a.org_id AND CASE f.status WHEN 'open' THEN s.name = f.stage
                                                                ELSE s.kind = f.status END),
         coalesce(f.product, ''), CASE f.status WHEN 'open' THEN f.close_date END, f.status, nullif(f.lost_reason, ''), '',
         CASE WHEN f.status <> 'open' THEN f.close_date END, f.created_date,
         CASE WHEN f.status <> 'open' THEN f.close_date ELSE f.created_date END, f.external_id, 0, 0
  FROM deals_raw f JOIN accounts a ON a.name = f.account JOIN users u ON u.org_id = a.org_id AND u.email = f.owner;
COMMIT;
SQL
  p2=$(ns_now)
  pout=$("$sg" import deals "$csv" --org imp --create-missing --db "$pg" 2>&1 | tail -n 3 || true)
  p3=$(ns_now)
  pagain=$("$sg" import deals "$csv" --org imp --create-missing --db "$pg" 2>&1 | tail -n 3 || true)
  p4=$(ns_now)
  pn_sch=$(psql -qAt "$ps" -c "SELECT count(*) FROM deals")
  pn_imp=$(psql -qAt "$pg" -c "SELECT count(*) FROM deals")
  echo
  echo "import of $rows deals, PostgreSQL:"
  awk -v n="$rows" -v a="$p0" -v b="$p1" -v c="$p2" -v d="$p3" -v e="$p4" 'BEGIN {
    sh = (b - a) / 1e9; sc = (c - b) / 1e9; sg = (d - c) / 1e9; re = (e - d) / 1e9
    printf "  psql \\copy into a plain table             %7.2f s  %9.0f rows/s\n", sh, n / sh
    printf "  psql into the schema (INSERT..SELECT)     %7.2f s  %9.0f rows/s  (%.2f of \\copy)\n", sc, n / sc, sh / sc
    printf "  salesgarden import deals (new)            %7.2f s  %9.0f rows/s  (%.2f of \\copy, %.2f of the schema anchor)\n", sg, n / sg, sh / sg, sc / sg
    printf "  salesgarden import deals (again)          %7.2f s  %9.0f rows/s  (%.2f of \\copy)\n", re, n / re, sh / re
    if (sh / sg < 0.5) print "WARNING: the first import is below half of psql'"'"'s \\copy" }'
  awk -v n="$rows" -v a="$p0" -v b="$p1" -v c="$p2" -v d="$p3" -v e="$p4" 'BEGIN {
    sh = (b - a) / 1e9; sc = (c - b) / 1e9; sg = (d - c) / 1e9; re = (e - d) / 1e9
    printf "import %d deals, first (PostgreSQL)\t%.0f rows/s\tpsql \\copy %.0f rows/s; schema anchor %.0f rows/s\t%.2f× \\copy, %.2f× schema\t≥ 0.5× \\copy\t%s\n",
      n, n / sg, n / sh, n / sc, sh / sg, sc / sg, (sh / sg >= 0.5) ? "yes" : "no"
    printf "re-import %d deals, all skipped (PostgreSQL)\t%.0f rows/s\tpsql \\copy %.0f rows/s\t%.2f×\t≥ 1× \\copy\t%s\n",
      n, n / re, n / sh, sh / re, (sh / re >= 1) ? "yes" : "no" }' >>"$SUMMARY"
  echo "  deals stored: $pn_imp by the import, $pn_sch by the schema anchor"
  echo "  first run:  $(tr '\n' ' ' <<<"$pout")"
  echo "  second run: $(tr '\n' ' ' <<<"$pagain")"
fi
exit 0
