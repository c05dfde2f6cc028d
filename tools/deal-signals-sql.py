#!/usr/bin/env python3
"""deal-signals-sql: writes migration 0033 (rollup_deal_signals, the health
signals of every open deal, and the triggers that keep them, for SQLite and
PostgreSQL) and src/store/deal-signals-sql.h (the same signals computed from
the deals, steps and conversations, for `salesgarden rollups rebuild|check`),
from one description, so that the triggers and the check cannot drift apart.

    python3 tools/deal-signals-sql.py      (run from the repository root)

The signals are what the strung-along rule (domain/commitment.c deal_health)
reads of a deal: its earliest open step (due day and slips), the steps missed
since its stage last changed, the conversations since then without progress,
the day of its last conversation that ended in a step. They are the columns
store/deals.c computes per deal on every read (DEAL_COLS); kept here, the
coach's inbox counts a team's strung-along deals from one row per open deal
instead of five subqueries per deal (issue 10, make bench).

Unlike the sums of migration 0027, a deal's row is recomputed whole (for
that one deal, through the deal's own indexes) after any write that can
change it: a deal inserted, updated or deleted, a step or conversation of it
inserted, updated or deleted. Only open deals have a row.
"""

COLS = ["owner_id", "created_on", "stage_changed_on", "next_due", "next_slips", "missed_steps",
        "convs_since_progress", "last_step_on"]


def signals(d):
    """the signals of the deals d (an alias of deals, or of a transition
    table with its columns), org_id and deal_id first"""
    first_open = (f"FROM steps st WHERE st.org_id = {d}.org_id AND st.deal_id = {d}.id AND st.status = 'open' "
                  "ORDER BY st.due || '', st.id LIMIT 1")
    return (f"{d}.org_id AS org_id, {d}.id AS deal_id, {d}.owner_id AS owner_id, {d}.created_on AS created_on, "
            f"{d}.stage_changed_on AS stage_changed_on, (SELECT st.due {first_open}) AS next_due, "
            f"coalesce((SELECT st.slips {first_open}), 0) AS next_slips, "
            f"(SELECT count(*) FROM steps st WHERE st.org_id = {d}.org_id AND st.deal_id = {d}.id "
            f"AND st.status = 'missed' AND st.due >= {d}.stage_changed_on) AS missed_steps, "
            f"(SELECT count(*) FROM conversations cv WHERE cv.org_id = {d}.org_id AND cv.deal_id = {d}.id "
            f"AND cv.held_on >= {d}.stage_changed_on AND cv.progressed = 0) AS convs_since_progress, "
            f"(SELECT max(cv.held_on) FROM conversations cv WHERE cv.org_id = {d}.org_id AND cv.deal_id = {d}.id "
            f"AND cv.outcome = 'step') AS last_step_on")


INSERT = f"INSERT INTO rollup_deal_signals (org_id, deal_id, {', '.join(COLS)})"


def refresh(org, deal, only_if=""):
    """the statements that recompute one deal's row (only_if: a condition
    on the trigger's rows, e.g. that an update moved the row to another deal)"""
    cond = f" AND {only_if}" if only_if else ""
    return (f"DELETE FROM rollup_deal_signals WHERE org_id = {org} AND deal_id = {deal}{cond};\n"
            f"    {INSERT}\n    SELECT {signals('d')} FROM deals d "
            f"WHERE d.org_id = {org} AND d.id = {deal} AND d.status = 'open'{cond};")


def moved(deal):
    """an update that moved a row to another deal (or organisation): the old
    deal's row is recomputed too"""
    return f"(OLD.org_id IS NOT NEW.org_id OR OLD.{deal} IS NOT NEW.{deal})"


# (table, its deal column, the columns whose change can change a signal)
CHILDREN = [("steps", "st", ["org_id", "deal_id", "status", "due", "slips"]),
            ("conversations", "cv", ["org_id", "deal_id", "held_on", "progressed", "outcome"])]
DEAL_COLS = ["org_id", "owner_id", "status", "created_on", "stage_changed_on"]


def sqlite():
    out = []
    t = "CREATE TRIGGER rollup_ds_{name} AFTER {ev} ON {table} FOR EACH ROW{when} BEGIN\n    {body}\nEND;\n"
    out.append(t.format(name="d_ai", ev="INSERT", table="deals", when="", body=refresh("NEW.org_id", "NEW.id")))
    out.append(t.format(name="d_au", ev="UPDATE OF " + ", ".join(DEAL_COLS), table="deals", when="",
                        body=refresh("OLD.org_id", "OLD.id", moved("id")) + "\n    " + refresh("NEW.org_id", "NEW.id")))
    out.append(t.format(name="d_ad", ev="DELETE", table="deals", when="",
                        body="DELETE FROM rollup_deal_signals WHERE org_id = OLD.org_id AND deal_id = OLD.id;"))
    for table, short, cols in CHILDREN:
        out.append(t.format(name=f"{short}_ai", ev="INSERT", table=table, when=" WHEN NEW.deal_id IS NOT NULL",
                            body=refresh("NEW.org_id", "NEW.deal_id")))
        out.append(t.format(name=f"{short}_ad", ev="DELETE", table=table, when=" WHEN OLD.deal_id IS NOT NULL",
                            body=refresh("OLD.org_id", "OLD.deal_id")))
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in cols)
        out.append(t.format(name=f"{short}_au", ev="UPDATE OF " + ", ".join(cols), table=table,
                            when=f" WHEN ({changed}) AND (OLD.deal_id IS NOT NULL OR NEW.deal_id IS NOT NULL)",
                            body=refresh("OLD.org_id", "OLD.deal_id", moved("deal_id")) + "\n    "
                            + refresh("NEW.org_id", "NEW.deal_id")))
    return "\n".join(out)


PG_MOVED = ("    IF OLD.org_id IS DISTINCT FROM NEW.org_id OR OLD.{deal} IS DISTINCT FROM NEW.{deal} THEN\n"
            "        PERFORM rollup_ds_refresh(OLD.org_id, OLD.{deal});\n    END IF;\n"
            "    PERFORM rollup_ds_refresh(NEW.org_id, NEW.{deal});\n")


def pg():
    out = []
    out.append("CREATE FUNCTION rollup_ds_refresh(o BIGINT, dl BIGINT) RETURNS void LANGUAGE plpgsql AS $$\n"
               "BEGIN\n    IF dl IS NULL THEN RETURN; END IF;\n    "
               + refresh("o", "dl").replace("\n", "\n    ") + "\nEND\n$$;\n")
    # new deals: once per statement (an import's COPY writes thousands)
    out.append("CREATE FUNCTION rollup_ds_d_ai() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
               f"    {INSERT}\n    SELECT {signals('n')} FROM new_deals n WHERE n.status = 'open';\n"
               "    RETURN NULL;\nEND\n$$;\n"
               "CREATE TRIGGER rollup_ds_d_ai AFTER INSERT ON deals REFERENCING NEW TABLE AS new_deals "
               "FOR EACH STATEMENT EXECUTE FUNCTION rollup_ds_d_ai();\n")
    fn = ("CREATE FUNCTION rollup_ds_{name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n{body}"
          "    RETURN NULL;\nEND\n$$;\n"
          "CREATE TRIGGER rollup_ds_{name} AFTER {ev} ON {table} FOR EACH ROW{when} "
          "EXECUTE FUNCTION rollup_ds_{name}();\n")
    out.append(fn.format(name="d_au", ev="UPDATE OF " + ", ".join(DEAL_COLS), table="deals", when="",
                         body=PG_MOVED.format(deal="id")))
    out.append(fn.format(name="d_ad", ev="DELETE", table="deals", when="",
                         body="    DELETE FROM rollup_deal_signals WHERE org_id = OLD.org_id AND deal_id = OLD.id;\n"))
    for table, short, cols in CHILDREN:
        out.append(fn.format(name=f"{short}_ai", ev="INSERT", table=table, when=" WHEN (NEW.deal_id IS NOT NULL)",
                             body="    PERFORM rollup_ds_refresh(NEW.org_id, NEW.deal_id);\n"))
        out.append(fn.format(name=f"{short}_ad", ev="DELETE", table=table, when=" WHEN (OLD.deal_id IS NOT NULL)",
                             body="    PERFORM rollup_ds_refresh(OLD.org_id, OLD.deal_id);\n"))
        changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in cols)
        out.append(fn.format(name=f"{short}_au", ev="UPDATE OF " + ", ".join(cols), table=table,
                             when=f" WHEN ({changed})",
                             body=PG_MOVED.format(deal="deal_id")))
    return "\n".join(out)


def recompute():
    return f"SELECT {signals('d')} FROM deals d WHERE d.org_id = $1 AND d.status = 'open'"


def c_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    head = """-- 0033: the health signals of every open deal, maintained (issue 10: the coach's
-- inbox counts strung-along deals from them). Generated by
-- tools/deal-signals-sql.py with src/store/deal-signals-sql.h (the
-- recomputation that `salesgarden rollups rebuild|check` runs); edit that
-- script, not this file.
--
-- One row per open deal: what the strung-along rule reads of it (the earliest
-- open step's due day and slips, the steps missed and the conversations
-- without progress since the stage last changed, the day of the last
-- conversation that ended in a step). Triggers recompute a deal's row after
-- every write to the deal, its steps or its conversations, in the same
-- transaction; rows of deals that are no longer open are deleted.

CREATE TABLE rollup_deal_signals (
    org_id BIGINT NOT NULL,
    deal_id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    created_on TEXT NOT NULL,
    stage_changed_on TEXT NOT NULL,
    next_due TEXT,
    next_slips BIGINT NOT NULL DEFAULT 0,
    missed_steps BIGINT NOT NULL DEFAULT 0,
    convs_since_progress BIGINT NOT NULL DEFAULT 0,
    last_step_on TEXT,
    PRIMARY KEY (org_id, owner_id, deal_id)
)@WITHOUT_ROWID@;
-- the rows are kept in owner order, so that a team's (or the organisation's)
-- open deals are one range each; a deal's row is found by this index
CREATE UNIQUE INDEX rollup_deal_signals_deal ON rollup_deal_signals(org_id, deal_id);

"""
    fill = (f"-- the open deals already there\n{INSERT}\n"
            + recompute().replace("d.org_id = $1 AND ", "") + ";\n")
    sql = head + "-- @sqlite\n" + sqlite() + "-- @end\n\n-- @pg\n" + pg() + "-- @end\n\n" + fill
    open("src/db/migrations/0033_deal_signals.sql", "w").write(sql)
    h = ["/* generated by tools/deal-signals-sql.py with migration 0033: do not edit */",
         "#ifndef SG_DEAL_SIGNALS_SQL_H", "#define SG_DEAL_SIGNALS_SQL_H", "",
         "/* the table, its key and value columns, and the signals of one",
         " * organisation's ($1) open deals, org_id, deal_id and the values in that order */",
         "#define DEAL_SIGNALS_TABLE \"rollup_deal_signals\"",
         "#define DEAL_SIGNALS_KEYS \"deal_id\"",
         f"#define DEAL_SIGNALS_COLS {c_str(', '.join(COLS))}",
         f"#define DEAL_SIGNALS_NCOLS {len(COLS)}",
         f"#define DEAL_SIGNALS_RECOMPUTE {c_str(recompute())}", "", "#endif", ""]
    open("src/store/deal-signals-sql.h", "w").write("\n".join(h))


main()
