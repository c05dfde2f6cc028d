#!/usr/bin/env python3
"""rollups-sql: writes migration 0027 (the roll-up tables and the triggers that
keep them, for SQLite and PostgreSQL) and src/store/rollups-sql.h (the full
recomputation of each roll-up, for `salesgarden rollups rebuild|check`), from
one description, so that the triggers and the check can never drift apart.

    python3 tools/rollups-sql.py      (run from the repository root)

Every roll-up is a sum of "contributions": a conversation, a step, a closed
deal, the step pairs of a deal. A trigger takes a row's (or a deal's)
contribution off before a write and adds it back after, in the same
statement and so in the same transaction as the write, on every write path
(pages, API, import, undo, demo, CLI, benchgen, cascades).
"""

W = "(SELECT 1 AS k UNION ALL SELECT 0 AS k) w"   # the rep's row and the organisation's (rep 0)


def rep(col):
    return f"CASE WHEN w.k = 1 THEN {col} ELSE 0 END"


def b(cond):
    return f"CASE WHEN {cond} THEN 1 ELSE 0 END"


TABLES = {
    "rollup_conversations": ["n", "steps", "stops", "nones"],
    "rollup_steps_due": ["n", "kept_on_time"],
    "rollup_closed": ["unbroken_won", "unbroken_lost", "broken_won", "broken_lost", "minutes_lost", "won_value"]
    + [f"gut{g}_closed" for g in range(1, 6)] + [f"gut{g}_won" for g in range(1, 6)]
    + ["closed_step", "closed_stop", "closed_none", "won_step", "won_stop", "won_none"],
    "rollup_won_months": ["n", "value_minor"],
}
KEYS = {
    "rollup_conversations": ("rep_id", "day"),
    "rollup_steps_due": ("rep_id", "day"),
    "rollup_closed": ("rep_id", "day"),
    "rollup_won_months": ("rep_id", "month"),
    "rollup_step_gaps": ("day", "prev_day"),
}
TABLES["rollup_step_gaps"] = ["n"]


def upsert(table, select):
    cols = TABLES[table]
    keys = KEYS[table]
    sets = ", ".join(f"{c} = r.{c} + excluded.{c}" for c in cols)
    return (f"INSERT INTO {table} AS r (org_id, {', '.join(keys)}, {', '.join(cols)})\n    {select}\n"
            f"    ON CONFLICT (org_id, {', '.join(keys)}) DO UPDATE SET {sets}")


# --- the values of each contribution (S: the sign, +1 or -1) -----------------

def conv_row(R, S):
    """a conversation R (NEW or OLD) counted by its rep and the day held"""
    sel = (f"SELECT x.org_id, {rep('x.rep_id')}, x.held_on, {S}, {S} * {b(chr(39).join(['x.outcome = ', 'step', '']))}, "
           f"{S} * {b(chr(39).join(['x.outcome = ', 'stop', '']))}, {S} * {b(chr(39).join(['x.outcome = ', 'none', '']))} "
           f"FROM (SELECT {R}.org_id AS org_id, {R}.rep_id AS rep_id, {R}.held_on AS held_on, {R}.outcome AS outcome) x "
           f"CROSS JOIN {W} WHERE true")
    return upsert("rollup_conversations", sel)


def due_row(R, S):
    """a step R counted by its rep and the day first agreed, unless cancelled"""
    sel = (f"SELECT x.org_id, {rep('x.rep_id')}, x.original_due, {S}, "
           f"{S} * {b(chr(39).join(['x.status = ', 'kept', ' AND x.done_on <= x.original_due']))} "
           f"FROM (SELECT {R}.org_id AS org_id, {R}.rep_id AS rep_id, {R}.original_due AS original_due, "
           f"{R}.status AS status, {R}.done_on AS done_on) x "
           f"CROSS JOIN {W} WHERE x.status <> 'cancelled'")
    return upsert("rollup_steps_due", sel)


def closed_values(S):
    """the columns of rollup_closed from a closed deal d, its conversations'
    sums c and its broken steps b (coalesced: a deal may have neither)"""
    won = "d.status = 'won'"
    lost = "d.status = 'lost'"
    broken = "(coalesce(b.bad, 0) > 0 OR coalesce(c.nones, 0) > 0)"
    v = [
        f"{S} * {b(won + ' AND NOT ' + broken)}",
        f"{S} * {b(lost + ' AND NOT ' + broken)}",
        f"{S} * {b(won + ' AND ' + broken)}",
        f"{S} * {b(lost + ' AND ' + broken)}",
        f"{S} * CASE WHEN {lost} THEN coalesce(c.minutes, 0) ELSE 0 END",
        f"{S} * CASE WHEN {won} THEN d.value_minor ELSE 0 END",
    ]
    v += [f"{S} * coalesce(c.g{g}, 0)" for g in range(1, 6)]
    v += [f"{S} * CASE WHEN {won} THEN coalesce(c.g{g}, 0) ELSE 0 END" for g in range(1, 6)]
    v += [f"{S} * coalesce(c.{o}, 0)" for o in ("steps", "stops", "nones")]
    v += [f"{S} * CASE WHEN {won} THEN coalesce(c.{o}, 0) ELSE 0 END" for o in ("steps", "stops", "nones")]
    return v


CONV_SUMS = ("coalesce(sum(cv.minutes), 0) AS minutes, "
             + ", ".join(f"coalesce(sum({b('cv.gut_feeling = ' + str(g))}), 0) AS g{g}" for g in range(1, 6)) + ", "
             + ", ".join(f"coalesce(sum({b(chr(39).join(['cv.outcome = ', o, '']))}), 0) AS {o}s"
                         for o in ("step", "stop", "none")))
BROKEN_STEP = "(st.slips > 0 OR st.status = 'missed')"


def deal_closed(O, D, S, extra=""):
    """a deal's contribution to rollup_closed, if it is closed"""
    sel = (f"SELECT d.org_id, {rep('d.owner_id')}, d.closed_on, {', '.join(closed_values(S))}\n"
           f"    FROM deals d\n"
           f"    CROSS JOIN (SELECT {CONV_SUMS} FROM conversations cv WHERE cv.org_id = {O} AND cv.deal_id = {D}) c\n"
           f"    CROSS JOIN (SELECT count(*) AS bad FROM steps st WHERE st.org_id = {O} AND st.deal_id = {D} "
           f"AND {BROKEN_STEP}) b\n"
           f"    CROSS JOIN {W}\n"
           f"    WHERE d.org_id = {O} AND d.id = {D} AND d.status IN ('won', 'lost') AND d.closed_on IS NOT NULL{extra}")
    return upsert("rollup_closed", sel)


def new_deal_closed():
    """a deal inserted closed: no conversations or steps yet (the cheap form
    that an import of closed deals runs per row)"""
    cols = ["unbroken_won", "unbroken_lost", "won_value"]
    sets = ", ".join(f"{c} = r.{c} + excluded.{c}" for c in cols)
    return ("INSERT INTO rollup_closed AS r (org_id, rep_id, day, unbroken_won, unbroken_lost, won_value)\n"
            f"    SELECT NEW.org_id, {rep('NEW.owner_id')}, NEW.closed_on, {b(chr(39).join(['NEW.status = ', 'won', '']))}, "
            f"{b(chr(39).join(['NEW.status = ', 'lost', '']))}, CASE WHEN NEW.status = 'won' THEN NEW.value_minor ELSE 0 END "
            f"FROM {W} WHERE true\n"
            f"    ON CONFLICT (org_id, rep_id, day) DO UPDATE SET {sets}")


def new_deal_won():
    sel = ("SELECT NEW.org_id, NEW.owner_id, substr(NEW.closed_on, 1, 7), 1, NEW.value_minor "
           "WHERE NEW.status = 'won'")
    return upsert("rollup_won_months", sel)


def deal_won(O, D, S, extra=""):
    """a won deal's value in its owner's month"""
    sel = (f"SELECT d.org_id, d.owner_id, substr(d.closed_on, 1, 7), {S}, {S} * d.value_minor FROM deals d "
           f"WHERE d.org_id = {O} AND d.id = {D} AND d.status = 'won' AND d.closed_on IS NOT NULL{extra}")
    return upsert("rollup_won_months", sel)


def deal_gaps(O, D, S, extra=""):
    """the pairs of consecutive steps agreed on a deal (by day agreed, then id)"""
    sel = (f"SELECT p.org_id, p.created_on, p.prev, {S} * count(*) FROM (SELECT st.org_id, st.created_on, "
           f"lag(st.created_on) OVER (ORDER BY st.created_on, st.id) AS prev FROM steps st "
           f"WHERE st.org_id = {O} AND st.deal_id = {D}{extra}) p "
           f"WHERE p.prev IS NOT NULL AND p.prev <> '' GROUP BY p.org_id, p.created_on, p.prev")
    return upsert("rollup_step_gaps", sel)


def deal_all(O, D, S, extra="", gaps=True, closed=True):
    out = []
    if closed:
        out += [deal_closed(O, D, S, extra), deal_won(O, D, S, extra)]
    if gaps:
        out.append(deal_gaps(O, D, S, extra))
    return out


# --- triggers -------------------------------------------------------------------

def closed(O, D):
    """whether the deal is closed: only a closed deal has a contribution to
    rollup_closed (and rollup_won_months), so a write to a conversation or a
    step of an open deal leaves the deal's sums alone"""
    return (f"EXISTS (SELECT 1 FROM deals d WHERE d.org_id = {O} AND d.id = {D} "
            f"AND d.status IN ('won', 'lost') AND d.closed_on IS NOT NULL)")


def triggers(dialect):
    distinct = "IS NOT" if dialect == "sqlite" else "IS DISTINCT FROM"

    def changed(cols):
        return "(" + " OR ".join(f"OLD.{c} {distinct} NEW.{c}" for c in cols.split(", ")) + ")"

    def both(*conds):
        conds = [c for c in conds if c]
        return " AND ".join(f"({c})" for c in conds) if conds else None

    # (name, timing, event, columns, when, blocks): a block is (condition,
    # statements); the condition may read the deal (a subquery): SQLite takes
    # it into the WHEN of a trigger of its own, PostgreSQL (no subquery in a
    # trigger's WHEN) into an IF of the trigger's function
    T = []
    cv_cols = "org_id, rep_id, deal_id, held_on, outcome, minutes, gut_feeling"
    st_cols = "org_id, rep_id, deal_id, original_due, status, done_on, slips, created_on"
    d_cols = "org_id, owner_id, status, closed_on, value_minor"
    # the columns each roll-up of a row reads: an update that changes none of
    # them leaves it alone
    cv_row_cols = "org_id, rep_id, held_on, outcome"
    cv_deal_cols = "org_id, deal_id, outcome, minutes, gut_feeling"
    st_row_cols = "org_id, rep_id, original_due, status, done_on"
    st_gap_cols = "org_id, deal_id, created_on"
    st_broken = (f"OLD.org_id {distinct} NEW.org_id OR OLD.deal_id {distinct} NEW.deal_id OR "
                 f"(OLD.slips > 0 OR OLD.status = 'missed') {distinct} (NEW.slips > 0 OR NEW.status = 'missed')")
    other = f"NEW.deal_id {distinct} OLD.deal_id"
    # conversations: the deal's conversation sums count only if it is closed;
    # a conversation adds nothing to rollup_won_months nor to the step pairs
    T.append(("rollup_cv_bi", "BEFORE", "INSERT", None, "NEW.deal_id IS NOT NULL",
              [(closed("NEW.org_id", "NEW.deal_id"), [deal_closed("NEW.org_id", "NEW.deal_id", -1)])]))
    T.append(("rollup_cv_ai", "AFTER", "INSERT", None, None,
              [(None, [conv_row("NEW", 1)]),
               (both("NEW.deal_id IS NOT NULL", closed("NEW.org_id", "NEW.deal_id")),
                [deal_closed("NEW.org_id", "NEW.deal_id", 1)])]))
    T.append(("rollup_cv_bd", "BEFORE", "DELETE", None, "OLD.deal_id IS NOT NULL",
              [(closed("OLD.org_id", "OLD.deal_id"), [deal_closed("OLD.org_id", "OLD.deal_id", -1)])]))
    T.append(("rollup_cv_ad", "AFTER", "DELETE", None, None,
              [(None, [conv_row("OLD", -1)]),
               (both("OLD.deal_id IS NOT NULL", closed("OLD.org_id", "OLD.deal_id")),
                [deal_closed("OLD.org_id", "OLD.deal_id", 1)])]))
    T.append(("rollup_cv_bu", "BEFORE", "UPDATE", cv_cols, changed(cv_deal_cols),
              [(closed("OLD.org_id", "OLD.deal_id"), [deal_closed("OLD.org_id", "OLD.deal_id", -1)]),
               (both(other, closed("NEW.org_id", "NEW.deal_id")),
                [deal_closed("NEW.org_id", "NEW.deal_id", -1)])]))
    T.append(("rollup_cv_au", "AFTER", "UPDATE", cv_cols, None,
              [(changed(cv_row_cols), [conv_row("OLD", -1), conv_row("NEW", 1)]),
               (both(changed(cv_deal_cols), closed("OLD.org_id", "OLD.deal_id")),
                [deal_closed("OLD.org_id", "OLD.deal_id", 1)]),
               (both(changed(cv_deal_cols), other, closed("NEW.org_id", "NEW.deal_id")),
                [deal_closed("NEW.org_id", "NEW.deal_id", 1)])]))
    # steps: the broken flag of a closed deal (only a broken step can change
    # it), and the step pairs of any deal
    T.append(("rollup_st_bi", "BEFORE", "INSERT", None, "NEW.deal_id IS NOT NULL",
              [(None, [deal_gaps("NEW.org_id", "NEW.deal_id", -1)]),
               (both("(NEW.slips > 0 OR NEW.status = 'missed')", closed("NEW.org_id", "NEW.deal_id")), [deal_closed("NEW.org_id", "NEW.deal_id", -1)])]))
    T.append(("rollup_st_ai", "AFTER", "INSERT", None, None,
              [(None, [due_row("NEW", 1)]),
               ("NEW.deal_id IS NOT NULL", [deal_gaps("NEW.org_id", "NEW.deal_id", 1)]),
               (both("NEW.deal_id IS NOT NULL", "(NEW.slips > 0 OR NEW.status = 'missed')", closed("NEW.org_id", "NEW.deal_id")),
                [deal_closed("NEW.org_id", "NEW.deal_id", 1)])]))
    T.append(("rollup_st_bd", "BEFORE", "DELETE", None, "OLD.deal_id IS NOT NULL",
              [(None, [deal_gaps("OLD.org_id", "OLD.deal_id", -1)]),
               (both("(OLD.slips > 0 OR OLD.status = 'missed')", closed("OLD.org_id", "OLD.deal_id")), [deal_closed("OLD.org_id", "OLD.deal_id", -1)])]))
    T.append(("rollup_st_ad", "AFTER", "DELETE", None, None,
              [(None, [due_row("OLD", -1)]),
               ("OLD.deal_id IS NOT NULL", [deal_gaps("OLD.org_id", "OLD.deal_id", 1)]),
               (both("OLD.deal_id IS NOT NULL", "(OLD.slips > 0 OR OLD.status = 'missed')", closed("OLD.org_id", "OLD.deal_id")),
                [deal_closed("OLD.org_id", "OLD.deal_id", 1)])]))
    T.append(("rollup_st_bu", "BEFORE", "UPDATE", st_cols, f"{changed(st_gap_cols)} OR {st_broken}",
              [(changed(st_gap_cols), [deal_gaps("OLD.org_id", "OLD.deal_id", -1)]),
               (both(changed(st_gap_cols), other), [deal_gaps("NEW.org_id", "NEW.deal_id", -1)]),
               (both(st_broken, closed("OLD.org_id", "OLD.deal_id")),
                [deal_closed("OLD.org_id", "OLD.deal_id", -1)]),
               (both(st_broken, other, closed("NEW.org_id", "NEW.deal_id")),
                [deal_closed("NEW.org_id", "NEW.deal_id", -1)])]))
    T.append(("rollup_st_au", "AFTER", "UPDATE", st_cols, None,
              [(changed(st_row_cols), [due_row("OLD", -1), due_row("NEW", 1)]),
               (changed(st_gap_cols), [deal_gaps("OLD.org_id", "OLD.deal_id", 1)]),
               (both(changed(st_gap_cols), other), [deal_gaps("NEW.org_id", "NEW.deal_id", 1)]),
               (both(st_broken, closed("OLD.org_id", "OLD.deal_id")),
                [deal_closed("OLD.org_id", "OLD.deal_id", 1)]),
               (both(st_broken, other, closed("NEW.org_id", "NEW.deal_id")),
                [deal_closed("NEW.org_id", "NEW.deal_id", 1)])]))
    # deals (a new deal has no conversations or steps yet: the foreign keys
    # of both point at it; a bulk load with foreign keys off, as benchgen's,
    # runs `rollups rebuild` after it); only a closed deal counts
    old_closed = "OLD.status IN ('won', 'lost') AND OLD.closed_on IS NOT NULL"
    new_closed = "NEW.status IN ('won', 'lost') AND NEW.closed_on IS NOT NULL"
    T.append(("rollup_d_ai", "AFTER", "INSERT", None, new_closed,
              [(None, [new_deal_closed(), new_deal_won()])]))
    T.append(("rollup_d_bu", "BEFORE", "UPDATE", d_cols, both(old_closed, changed(d_cols)),
              [(None, deal_all("OLD.org_id", "OLD.id", -1, gaps=False))]))
    T.append(("rollup_d_au", "AFTER", "UPDATE", d_cols, both(new_closed, changed(d_cols)),
              [(None, deal_all("NEW.org_id", "NEW.id", 1, gaps=False))]))
    T.append(("rollup_d_bd", "BEFORE", "DELETE", None, old_closed,
              [(None, deal_all("OLD.org_id", "OLD.id", -1, gaps=False))]))
    out = []
    for name, timing, event, cols, when, blocks in T:
        ev = f"UPDATE OF {cols}" if cols else event
        if dialect == "sqlite":
            for i, (cond, stmts) in enumerate(blocks):
                body = ";\n".join("    " + s for s in stmts) + ";"
                # a trigger's INSERT takes no alias in SQLite; a bare column in
                # the DO UPDATE is the existing row's there
                body = body.replace(" AS r (", " (")
                for t in TABLES.values():
                    for c in t:
                        body = body.replace(f" = r.{c} + ", f" = {c} + ")
                wc = both(when, cond)
                w = f" WHEN {wc}" if wc else ""
                n = name if i == 0 else f"{name}{i + 1}"
                out.append(f"CREATE TRIGGER {n} {timing} {ev} ON {table_of(name)} FOR EACH ROW{w}\nBEGIN\n{body}\nEND;\n")
        elif name == "rollup_d_ai":
            out.append(pg_new_deals_statement())
        else:
            parts = []
            for cond, stmts in blocks:
                if cond:
                    parts.append(f"    IF {cond} THEN\n" + "".join("    " + s.replace("\n", "\n    ") + ";\n"
                                                               for s in stmts) + "    END IF;")
                else:
                    parts.append(";\n".join("    " + s for s in stmts) + ";")
            body = "\n".join(parts)
            w = f" WHEN ({when})" if when else ""
            ret = "NULL" if timing == "AFTER" else ("OLD" if event == "DELETE" else "NEW")
            out.append(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n{body}\n"
                       f"    RETURN {ret};\nEND\n$$;\n"
                       f"CREATE TRIGGER {name} {timing} {ev} ON {table_of(name)} FOR EACH ROW{w} "
                       f"EXECUTE FUNCTION {name}();\n")
    return "\n".join(out)


def pg_new_deals_statement():
    """PostgreSQL: new deals are summed once per statement (a transition
    table), not once per row. An import writes thousands of closed deals in
    one COPY, most onto a few (rep, day) rows; per row, each of those rows
    was updated thousands of times in one transaction, and every update
    walks the row's growing chain of versions (30,000 deals: 35 s instead
    of 4). A new deal has no conversations or steps yet, as per row."""
    won = "CASE WHEN n.status = 'won' THEN 1 ELSE 0 END"
    lost = "CASE WHEN n.status = 'lost' THEN 1 ELSE 0 END"
    value = "CASE WHEN n.status = 'won' THEN n.value_minor ELSE 0 END"
    closed_sets = ", ".join(f"{c} = r.{c} + excluded.{c}" for c in ("unbroken_won", "unbroken_lost", "won_value"))
    return ("CREATE FUNCTION rollup_d_ai() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
            "    INSERT INTO rollup_closed AS r (org_id, rep_id, day, unbroken_won, unbroken_lost, won_value)\n"
            f"    SELECT n.org_id, {rep('n.owner_id')}, n.closed_on, sum({won}), sum({lost}), sum({value})\n"
            f"    FROM new_deals n CROSS JOIN {W}\n"
            "    WHERE n.status IN ('won', 'lost') AND n.closed_on IS NOT NULL\n"
            f"    GROUP BY n.org_id, {rep('n.owner_id')}, n.closed_on\n"
            f"    ON CONFLICT (org_id, rep_id, day) DO UPDATE SET {closed_sets};\n"
            "    INSERT INTO rollup_won_months AS r (org_id, rep_id, month, n, value_minor)\n"
            "    SELECT n.org_id, n.owner_id, substr(n.closed_on, 1, 7), count(*), sum(n.value_minor)\n"
            "    FROM new_deals n WHERE n.status = 'won' AND n.closed_on IS NOT NULL\n"
            "    GROUP BY n.org_id, n.owner_id, substr(n.closed_on, 1, 7)\n"
            "    ON CONFLICT (org_id, rep_id, month) DO UPDATE SET n = r.n + excluded.n, "
            "value_minor = r.value_minor + excluded.value_minor;\n"
            "    RETURN NULL;\nEND\n$$;\n"
            "CREATE TRIGGER rollup_d_ai AFTER INSERT ON deals REFERENCING NEW TABLE AS new_deals "
            "FOR EACH STATEMENT EXECUTE FUNCTION rollup_d_ai();\n")


def table_of(name):
    return {"cv": "conversations", "st": "steps", "d": "deals"}[name.split("_")[1]]


# --- the full recomputation, for rebuild and check ($1: the organisation) ------

def recompute():
    R = {}
    R["rollup_conversations"] = (
        f"SELECT cv.org_id, {rep('cv.rep_id')} AS rep_id, cv.held_on AS day, count(*) AS n, "
        f"sum({b(chr(39).join(['cv.outcome = ', 'step', '']))}) AS steps, "
        f"sum({b(chr(39).join(['cv.outcome = ', 'stop', '']))}) AS stops, "
        f"sum({b(chr(39).join(['cv.outcome = ', 'none', '']))}) AS nones "
        f"FROM conversations cv CROSS JOIN {W} WHERE cv.org_id = $1 GROUP BY cv.org_id, {rep('cv.rep_id')}, cv.held_on")
    R["rollup_steps_due"] = (
        f"SELECT st.org_id, {rep('st.rep_id')} AS rep_id, st.original_due AS day, count(*) AS n, "
        f"sum({b(chr(39).join(['st.status = ', 'kept', ' AND st.done_on <= st.original_due']))}) AS kept_on_time "
        f"FROM steps st CROSS JOIN {W} WHERE st.org_id = $1 AND st.status <> 'cancelled' "
        f"GROUP BY st.org_id, {rep('st.rep_id')}, st.original_due")
    cols = TABLES["rollup_closed"]
    R["rollup_closed"] = (
        f"SELECT d.org_id, {rep('d.owner_id')} AS rep_id, d.closed_on AS day, "
        + ", ".join(f"sum({v}) AS {c}" for v, c in zip(closed_values(1), cols))
        + f" FROM deals d LEFT JOIN (SELECT cv.deal_id, {CONV_SUMS} FROM conversations cv WHERE cv.org_id = $1 "
        f"AND cv.deal_id IS NOT NULL GROUP BY cv.deal_id) c ON c.deal_id = d.id "
        f"LEFT JOIN (SELECT st.deal_id, count(*) AS bad FROM steps st WHERE st.org_id = $1 AND st.deal_id IS NOT NULL "
        f"AND {BROKEN_STEP} GROUP BY st.deal_id) b ON b.deal_id = d.id CROSS JOIN {W} "
        f"WHERE d.org_id = $1 AND d.status IN ('won', 'lost') AND d.closed_on IS NOT NULL "
        f"GROUP BY d.org_id, {rep('d.owner_id')}, d.closed_on")
    R["rollup_won_months"] = (
        "SELECT d.org_id, d.owner_id AS rep_id, substr(d.closed_on, 1, 7) AS month, count(*) AS n, "
        "sum(d.value_minor) AS value_minor FROM deals d WHERE d.org_id = $1 AND d.status = 'won' "
        "AND d.closed_on IS NOT NULL GROUP BY d.org_id, d.owner_id, substr(d.closed_on, 1, 7)")
    R["rollup_step_gaps"] = (
        "SELECT p.org_id, p.created_on AS day, p.prev AS prev_day, count(*) AS n FROM (SELECT st.org_id, "
        "st.created_on, lag(st.created_on) OVER (PARTITION BY st.deal_id ORDER BY st.created_on, st.id) AS prev "
        "FROM steps st WHERE st.org_id = $1 AND st.deal_id IS NOT NULL) p "
        "WHERE p.prev IS NOT NULL AND p.prev <> '' GROUP BY p.org_id, p.created_on, p.prev")
    return R


# --- 0040: month targets beside the won months (issue 11 and 15) ----------------
#
# rollup_won_months also holds, per rep (targets.user_id) and month, the
# targets whose period lies within that one calendar month: how many and
# their sum (target_n, target_minor), and of those the one whose period is
# exactly the month (exact_n, exact_minor: 0 or 1 of them, targets being
# unique per period). That is what the numbers grid's rule reads for a
# month (store/numbers.h: the target set for exactly the period, failing
# that the sum of the targets inside it), so a grid of months reads one row
# per rep and month for its targets and its won deals together.

TARGET_COLS = ["target_n", "target_minor", "exact_n", "exact_minor"]


def last_day(s):
    """the last day ('28'..'31') of the month of the date s, in SQL both
    databases run alike"""
    y = f"cast(substr({s}, 1, 4) AS INTEGER)"
    return (f"CASE WHEN substr({s}, 6, 2) IN ('04', '06', '09', '11') THEN '30' "
            f"WHEN substr({s}, 6, 2) = '02' THEN CASE WHEN {y} % 4 = 0 AND ({y} % 100 <> 0 OR {y} % 400 = 0) "
            f"THEN '29' ELSE '28' END ELSE '31' END")


def target_within(R):
    return f"substr({R}.period_start, 1, 7) = substr({R}.period_end, 1, 7)"


def target_exact(R):
    return (f"substr({R}.period_start, 9, 2) = '01' AND substr({R}.period_end, 9, 2) = "
            f"{last_day(R + '.period_start')}")


def target_values(R, S):
    """the columns TARGET_COLS of a target R (NEW, OLD or t), signed by S: the
    triggers and the recomputation both take them from here"""
    exact = target_exact(R)
    return [f"{S}", f"{S} * {R}.amount_minor", f"{S} * {b(exact)}",
            f"{S} * CASE WHEN {exact} THEN {R}.amount_minor ELSE 0 END"]


def target_row(R, S, dialect):
    """a target R (NEW or OLD) in its rep's month, if its period is within one
    (SQLite takes no alias of the table in a trigger)"""
    r = "r." if dialect == "pg" else ""
    sets = ", ".join(f"{c} = {r}{c} + excluded.{c}" for c in TARGET_COLS)
    return (f"INSERT INTO rollup_won_months{' AS r' if r else ''} (org_id, rep_id, month, {', '.join(TARGET_COLS)})\n"
            f"    SELECT {R}.org_id, {R}.user_id, substr({R}.period_start, 1, 7), {', '.join(target_values(R, S))} "
            f"WHERE {target_within(R)}\n"
            f"    ON CONFLICT (org_id, rep_id, month) DO UPDATE SET {sets}")


def target_recompute(where):
    values = ", ".join(f"{v} AS {c}" for v, c in zip(target_values("t", 1), TARGET_COLS))
    return (f"SELECT t.org_id, t.user_id AS rep_id, substr(t.period_start, 1, 7) AS month, 0 AS n, "
            f"0 AS value_minor, {values} FROM targets t WHERE {where} AND {target_within('t')}")


def won_months_recompute():
    """rollup_won_months since 0040: won deals and month targets"""
    deals = ("SELECT d.org_id, d.owner_id AS rep_id, substr(d.closed_on, 1, 7) AS month, 1 AS n, "
             "d.value_minor AS value_minor, 0 AS target_n, 0 AS target_minor, 0 AS exact_n, 0 AS exact_minor "
             "FROM deals d WHERE d.org_id = $1 AND d.status = 'won' AND d.closed_on IS NOT NULL")
    cols = ["n", "value_minor"] + TARGET_COLS
    return (f"SELECT u.org_id, u.rep_id, u.month, " + ", ".join(f"sum(u.{c}) AS {c}" for c in cols)
            + f" FROM ({deals} UNION ALL {target_recompute('t.org_id = $1')}) u "
            "GROUP BY u.org_id, u.rep_id, u.month")


def target_months_migration():
    cols = ", ".join(TARGET_COLS)
    tcols = "org_id, user_id, period_start, period_end, amount_minor"
    sets = ", ".join(f"{c} = excluded.{c}" for c in TARGET_COLS)
    fill = (f"INSERT INTO rollup_won_months AS r (org_id, rep_id, month, {cols})\n"
            f"SELECT x.org_id, x.rep_id, x.month, " + ", ".join(f"sum(x.{c})" for c in TARGET_COLS)
            + f" FROM ({target_recompute('t.org_id IN (SELECT id FROM orgs)')}) x WHERE true "
            f"GROUP BY x.org_id, x.rep_id, x.month\n"
            f"ON CONFLICT (org_id, rep_id, month) DO UPDATE SET {sets};\n")
    head = """-- 0040: the month targets in the won months' roll-up (issue 11, the hiring
-- profile; issue 15, figures from roll-ups). Generated by tools/rollups-sql.py
-- with src/store/rollups-sql.h; edit that script, not this file.
--
-- rollup_won_months (0027) also holds, per rep and month, the targets whose
-- period lies within that calendar month: how many and their sum, and of those
-- the one set for exactly the month. A grid of months (the hiring profile's
-- year, a year of months on the numbers pages) then reads one row per rep and
-- month for targets and won deals together, instead of every target row and
-- its dates beside every won month. Kept by triggers on targets in the same
-- transaction as every write (pages, API, import and its undo, demo, CLI);
-- `salesgarden rollups check` compares them with the recomputation.

"""
    ddl = "".join(f"ALTER TABLE rollup_won_months ADD COLUMN {c} BIGINT NOT NULL DEFAULT 0;\n" for c in TARGET_COLS)
    idx = ("\n-- the index the grid reads, with the target columns (SQLite only, as in 0035:\n"
           "-- PostgreSQL keeps the narrow index so that an update of the sums stays HOT)\n"
           "-- @sqlite\nDROP INDEX rollup_won_months_month;\n"
           f"CREATE INDEX rollup_won_months_month ON rollup_won_months(org_id, month, rep_id, n, value_minor, {cols});\n"
           "-- @end\n")
    sq = ("\n-- @sqlite\n"
          f"CREATE TRIGGER rollup_tg_ai AFTER INSERT ON targets BEGIN\n    {target_row('NEW', 1, 'sqlite')};\nEND;\n"
          f"CREATE TRIGGER rollup_tg_ad AFTER DELETE ON targets BEGIN\n    {target_row('OLD', -1, 'sqlite')};\nEND;\n"
          f"CREATE TRIGGER rollup_tg_au AFTER UPDATE OF {tcols} ON targets BEGIN\n"
          f"    {target_row('OLD', -1, 'sqlite')};\n    {target_row('NEW', 1, 'sqlite')};\nEND;\n-- @end\n")
    pg = ("\n-- @pg\nCREATE FUNCTION rollup_tg() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
          f"    IF TG_OP IN ('UPDATE', 'DELETE') THEN\n    {target_row('OLD', -1, 'pg')};\n    END IF;\n"
          f"    IF TG_OP IN ('UPDATE', 'INSERT') THEN\n    {target_row('NEW', 1, 'pg')};\n    END IF;\n"
          "    RETURN NULL;\nEND\n$$;\n"
          "CREATE TRIGGER rollup_tg_aid AFTER INSERT OR DELETE ON targets FOR EACH ROW EXECUTE FUNCTION rollup_tg();\n"
          f"CREATE TRIGGER rollup_tg_au AFTER UPDATE OF {tcols} ON targets FOR EACH ROW EXECUTE FUNCTION rollup_tg();\n"
          "-- @end\n")
    return head + ddl + idx + sq + pg + "\n-- the targets already there\n" + fill


def c_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    key_type = {"rep_id": "BIGINT NOT NULL", "day": "TEXT NOT NULL", "month": "TEXT NOT NULL",
                "prev_day": "TEXT NOT NULL"}
    ddl = []
    comments = {
        "rollup_conversations": "conversations by outcome, per rep (0: the whole organisation) and day held",
        "rollup_steps_due": "steps not cancelled per rep (0: all) and day first agreed (original_due), and of\n"
                            "-- those the ones kept by that day",
        "rollup_closed": "closed deals (won/lost) per owner (0: all) and closing day: whether their steps\n"
                         "-- ever broke, minutes spent on the lost ones, won value, and their conversations\n"
                         "-- by gut feeling and by outcome (all, and on the won deals)",
        "rollup_won_months": "won deals per owner and closing month ('YYYY-MM'): count and value",
        "rollup_step_gaps": "pairs of consecutive steps agreed on the same deal, for the whole organisation:\n"
                            "-- the day of the later step and of the one before it (the gap is their distance)",
    }
    for t, cols in TABLES.items():
        keys = KEYS[t]
        lines = ["    org_id BIGINT NOT NULL"] + [f"    {k} {key_type[k]}" for k in keys]
        lines += [f"    {c} BIGINT NOT NULL DEFAULT 0" for c in cols]
        lines.append(f"    PRIMARY KEY (org_id, {', '.join(keys)})")
        ddl.append(f"-- {comments[t]}\nCREATE TABLE {t} (\n" + ",\n".join(lines) + "\n)@WITHOUT_ROWID@;\n")
    head = """-- 0027: figures from maintained roll-ups (issue 15). Per rep and day (or month)
-- sums of what the commitment figures, team numbers, tiers and concentration
-- read, kept by triggers in the same transaction as every write that changes
-- them (pages, API, import and its undo, demo, CLI, cascades), so that a
-- figure reads a year of days instead of a year of conversations. Generated
-- by tools/rollups-sql.py with src/store/rollups-sql.h (the recomputation that
-- `salesgarden rollups rebuild|check` runs); edit that script, not this file.
--
-- A trigger takes the contribution of a row (a conversation, a step) or of a
-- deal (a closed deal with its conversations and steps, a deal's step pairs)
-- off BEFORE the write and adds it back AFTER it; rows summing to zero stay.
-- Existing data is filled at the end, from the same recomputation.

"""
    idx = ("-- a rep's steps by the day agreed: the days between steps of a team read the\n"
           "-- period's steps only (store/figures.c)\n"
           "CREATE INDEX steps_rep_created ON steps(org_id, rep_id, created_on, deal_id);\n"
           "-- the organisation's won months over a span, every rep (numbers, tiers, concentration);\n"
           "-- no value columns in it: an update of the sums stays a HOT update on PostgreSQL\n"
           "CREATE INDEX rollup_won_months_month ON rollup_won_months(org_id, month, rep_id);\n")
    # the fill runs once per organisation: the recomputation is written for one
    fill_sql = []
    for t, q in recompute().items():
        keys = KEYS[t]
        cols = TABLES[t]
        q2 = q.replace("= $1", "IN (SELECT id FROM orgs)")
        fill_sql.append(f"INSERT INTO {t} (org_id, {', '.join(keys)}, {', '.join(cols)})\n{q2};\n")
    sql = (head + "\n".join(ddl) + "\n" + idx + "\n-- @sqlite\n" + triggers("sqlite") + "-- @end\n\n-- @pg\n"
           + triggers("pg") + "-- @end\n\n-- the roll-ups of the data already there\n" + "\n".join(fill_sql))
    open("src/db/migrations/0027_rollups.sql", "w").write(sql)

    h = ["/* generated by tools/rollups-sql.py with migrations 0027 and 0040: do not edit */",
         "#ifndef SG_ROLLUPS_SQL_H", "#define SG_ROLLUPS_SQL_H", "",
         "/* each roll-up table: its name, key columns, value columns, and the",
         " * full recomputation of one organisation's rows ($1) */",
         "struct rollup_def {", "\tconst char *table, *keys, *cols, *recompute;", "\tint nkeys, ncols;", "};", "",
         "static const struct rollup_def rollup_defs[] = {"]
    current = recompute()
    current["rollup_won_months"] = won_months_recompute()
    for t, q in current.items():
        cols = TABLES[t] + (TARGET_COLS if t == "rollup_won_months" else [])
        h.append(f"\t{{ {c_str(t)}, {c_str(', '.join(KEYS[t]))}, {c_str(', '.join(cols))},")
        h.append(f"\t  {c_str(q)},")
        h.append(f"\t  {len(KEYS[t])}, {len(cols)} }},")
    h += ["};", "", "#endif", ""]
    open("src/store/rollups-sql.h", "w").write("\n".join(h))
    open("src/db/migrations/0040_target_months.sql", "w").write(target_months_migration())


main()
