"""How long the quarterly summary takes at 100,000 beneficiaries and 1,000,000 hand-overs,
beside a hand-written SQL aggregate of the same figures, in the same run.

Run: ``.venv/bin/python benchmarks/bench_summary.py [--people 100000] [--handovers 1000000]
[--repeat 5] [--db /tmp/tracker-bench/summary.db] [--rebuild] [--plain]``

The file is encrypted (SQLCipher, a raw key as the app applies one), as an office's is;
``--plain`` builds and times a plain SQLite file instead (beside it, for comparison).

The database is built once (and reused while its sizes match) with fast bulk inserts
(``executemany`` on the real schema, migrated by the app; not through the services):
people of every sex, age, ethnic group, commune and category with consent decisions,
two grants each over three projects, hand-overs with a receipt each (some voided), the
follow-up visits with outcomes, animals with their histories.

For each round the script times

* ``summary``: :func:`tracker.services.reports.summary` for 2025-Q3, office version (the
  service: its SQL built with SQLAlchemy, its session, the dataclasses);
* ``summary donor``: the same, donor version (consent filter);
* ``hand SQL``: hand-written SQL text giving the same figures (same connection kind),
  results as plain rows, one query per table, written the plain way;
* ``hand SQL 1 pass``: the same, with the hand-over figures in one statement over a
  single scan of the hand-overs (the strategy the service uses).

It checks that both give the same figures (visits by the service's definitions: each one
scheduled in the period in exactly one state), then prints the minimum and the median of the
rounds, the median over the rounds of the ratio summary / the faster hand SQL of the same
round (aim: 1.5 or less) and the peak memory (tracemalloc
for Python objects during one summary, and the process's peak resident size).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from tracker.config import DatabaseLocation
from tracker.db import Database, upgrade
from tracker.services import office, reports
from tracker.services.context import SYSTEM

START, END = date(2025, 7, 1), date(2025, 9, 30)
TODAY = date(2025, 11, 20)
STAMP = "2025-01-01 00:00:00.000000"
COMMUNES = ["00769", "00778", "00787", "00802", "00808", "00817", "00781", "00784", None]
ETHNIC = ["08", "08", "08", "09", "09", "01", "02", "03", "07", "23", "45"]
CATEGORIES = ["victim", "suspected_victim", "at_risk", "family_member"]
TYPES = ["cattle", "linen_weaving", "monthly_allowance", "initial_hardship", "scholarship",
         "school_supplies", "pig", "goat"]  # fmt: skip


def _day(base: date, rng: random.Random, span: int) -> str:
    return (base + timedelta(days=rng.randint(0, span))).isoformat()


#: The database key of the benchmark's file: encrypted (SQLCipher) as the app's is, with a
#: raw key as the app applies one (``--plain`` for a plain SQLite file beside it).
BENCH_KEY = bytes(range(32))


def build(path: Path, people: int, handovers: int, key: bytes | None = BENCH_KEY) -> Database:
    """The benchmark database (built with bulk inserts, reused while sizes match)."""
    db = Database(DatabaseLocation(path=path), key=key)
    with db.engine.connect() as conn:
        try:
            have = conn.execute(text("SELECT value FROM app_meta WHERE key = 'bench'")).scalar()
        except Exception:
            have = None
    if have == f"{people}:{handovers}":
        return db
    db.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(DatabaseLocation(path=path), key=key)
    upgrade(db)
    office.save_office(
        db, SYSTEM, office.OfficeInput(name="Hội LHPN (benchmark)", receipt_prefix="BM")
    )
    office.create_user(db, SYSTEM, "viewer", "Người xem", "viewer")
    rng = random.Random(2025)
    t0 = time.perf_counter()
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA synchronous = OFF")
        cur.execute("BEGIN")
        type_ids = dict(cur.execute("SELECT code, id FROM grant_type").fetchall())
        kinds = dict(cur.execute("SELECT code, kind FROM grant_type").fetchall())
        cur.executemany(
            "INSERT INTO project (id, office_id, code, name, donor, start_date, end_date, budget,"
            " status, created_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, 'active', ?)",
            [(i, f"P{i}", f"Dự án {i}", "Nhà tài trợ", "2023-01-01", "2027-12-31",
              900_000_000_000, STAMP) for i in (1, 2, 3)],
        )  # fmt: skip
        rows = []
        for i in range(1, people + 1):
            with_date = rng.random() < 0.6
            born = date(1960, 1, 1) + timedelta(days=rng.randint(0, 365 * 55))
            rows.append(
                (i, f"BM-{i:06d}", f"Người {i}", "", f"nguoi {i}", f"nguoi {i}", f"{i} nguoi",
                 rng.choice("FFFM"), born.isoformat() if with_date else None, born.year,
                 rng.choice(ETHNIC), "gso2008", None, "", "08", rng.choice(COMMUNES), "", "",
                 rng.choice(CATEGORIES), "active", "2023-01-05", "", STAMP, STAMP)
            )  # fmt: skip
        cur.executemany(
            "INSERT INTO beneficiary (id, office_id, code, full_name, alias, name_key, search_key,"
            " sort_key, sex, birth_date, birth_year, ethnicity_code, ethnicity_list, id_number,"
            " phone, province_code, commune_code, village, address_text, category, status,"
            " registered_on, notes, created_at, updated_at) VALUES"
            " (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        consents = []
        for i in range(1, people + 1):
            if rng.random() < 0.9:
                consents.append((i, "donor_reporting", 1, "2023-01-05"))
            if rng.random() < 0.05:
                consents.append((i, "donor_reporting", 0, "2024-06-01"))
            if rng.random() < 0.4:
                consents.append((i, "province_sharing", rng.random() < 0.8, "2023-01-05"))
        cur.executemany(
            "INSERT INTO consent (beneficiary_id, kind, given, decided_on, note, created_at)"
            " VALUES (?, ?, ?, ?, '', ?)",
            [(*c, STAMP) for c in consents],
        )
        grants = []
        gid = 0
        for i in range(1, people + 1):
            for _ in range(2):
                gid += 1
                code = rng.choice(TYPES)
                grants.append(
                    (gid, i, rng.choice((1, 2, 3)), type_ids[code], 50_000_000, "active",
                     _day(date(2023, 1, 10), rng, 900), "{}", "", STAMP)
                )  # fmt: skip
        cur.executemany(
            "INSERT INTO grant_plan (id, beneficiary_id, project_id, grant_type_id, planned_total,"
            " status, start_date, details, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            grants,
        )
        by_type = {type_ids[c]: c for c in TYPES}
        disb, rec = [], []
        for d in range(1, handovers + 1):
            g = grants[rng.randrange(len(grants))]
            in_kind = kinds[by_type[g[3]]] != "cash"
            amount = rng.choice((500_000, 700_000, 2_000_000, 4_500_000, 15_000_000))
            day = _day(date(2023, 1, 10), rng, 1040)
            disb.append((d, g[0], day, "x", in_kind, 1 if in_kind else None,
                         amount if in_kind else None, amount, "", "", STAMP))  # fmt: skip
            voided = STAMP if rng.random() < 0.01 else None
            rec.append((d, 1, int(day[:4]), d, f"BM-{day[:4]}-{d:07d}", d, STAMP,
                        rng.random() < 0.05, voided, ""))  # fmt: skip
        cur.executemany(
            "INSERT INTO disbursement (id, grant_id, handed_on, description, in_kind, quantity,"
            " unit_value, amount, override_reason, note, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            disb,
        )
        cur.executemany(
            "INSERT INTO receipt (id, office_id, year, seq, number, disbursement_id, issued_at,"
            " reprint_count, voided_at, void_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rec,
        )
        visits = []
        for v in range(1, people * 3 + 1):
            g = grants[rng.randrange(len(grants))]
            sched = date(2023, 3, 1) + timedelta(days=rng.randint(0, 1000))
            status = rng.choice(("done", "done", "done", "scheduled", "missed", "cancelled"))
            done = sched + timedelta(days=rng.randint(-5, 30)) if status == "done" else None
            visits.append(
                (v, g[1], g[0], rng.choice((1, 3, 6, 12, None)), sched.isoformat(), status,
                 done.isoformat() if done else None,
                 rng.random() < 0.8 if done else None,
                 rng.choice(("none", "low", "medium", "high")) if done else None,
                 rng.random() < 0.05 if done else None,
                 rng.choice((True, False, None)) if done else None, "", STAMP)
            )  # fmt: skip
        cur.executemany(
            "INSERT INTO visit (id, beneficiary_id, grant_id, months_after, scheduled_on, status,"
            " done_on, livelihood_running, income_band, safety_concern, in_school, notes,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            visits,
        )
        assets, events = [], []
        for a in range(1, people // 2 + 1):
            g = grants[rng.randrange(len(grants))]
            acquired = date(2023, 2, 1) + timedelta(days=rng.randint(0, 900))
            assets.append((a, g[1], g[0], rng.choice(("cow", "cow", "pig", "goat", "loom")),
                           "x", "", 15_000_000, "alive", acquired.isoformat()))  # fmt: skip
            events.append((a, acquired.isoformat(), "alive"))
            day = acquired
            for _ in range(rng.randint(0, 3)):
                day += timedelta(days=rng.randint(20, 200))
                events.append(
                    (
                        a,
                        day.isoformat(),
                        rng.choice(("calved", "sick", "alive", "died", "sold", "passed_on")),
                    )
                )
        cur.executemany(
            "INSERT INTO asset (id, beneficiary_id, grant_id, kind, description, tag, value,"
            " status, acquired_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            assets,
        )
        cur.executemany(
            "INSERT INTO asset_event (asset_id, happened_on, status, note, created_at)"
            " VALUES (?, ?, ?, '', ?)",
            [(*e, STAMP) for e in events],
        )
        cur.execute(
            "INSERT INTO app_meta (key, value) VALUES ('bench', ?)", (f"{people}:{handovers}",)
        )
        cur.execute("COMMIT")
        cur.execute("ANALYZE")
    finally:
        raw.close()
    print(f"built {path} in {time.perf_counter() - t0:.1f} s")
    return db


HAND_SQL = {
    # People supported, by every dimension, in one pass over the hand-overs.
    "people": """
WITH firsts AS (
  SELECT g.beneficiary_id AS bid, MIN(d.handed_on) AS first_on, MAX(d.handed_on) AS last_on
  FROM disbursement d JOIN grant_plan g ON g.id = d.grant_id
  WHERE d.handed_on <= :e GROUP BY g.beneficiary_id
), p AS MATERIALIZED (
  SELECT b.sex, b.ethnicity_code AS eth, COALESCE(b.commune_code, '') AS commune, b.category,
    CASE
      WHEN (b.birth_date IS NOT NULL AND b.birth_date > :a16)
        OR (b.birth_date IS NULL AND b.birth_year > :y16) THEN 'u16'
      WHEN (b.birth_date IS NOT NULL AND b.birth_date > :a18)
        OR (b.birth_date IS NULL AND b.birth_year > :y18) THEN '16_17'
      WHEN (b.birth_date IS NOT NULL AND b.birth_date > :a25)
        OR (b.birth_date IS NULL AND b.birth_year > :y25) THEN '18_24'
      WHEN (b.birth_date IS NOT NULL AND b.birth_date > :a35)
        OR (b.birth_date IS NULL AND b.birth_year > :y35) THEN '25_34'
      ELSE '35p' END AS age,
    f.first_on >= :s AS is_new, f.first_on < :s AND f.last_on >= :s AS is_cont
  FROM firsts f JOIN beneficiary b ON b.id = f.bid
)
SELECT 'sex', sex, SUM(is_new), SUM(is_cont), COUNT(*) FROM p GROUP BY sex
UNION ALL SELECT 'age', age, SUM(is_new), SUM(is_cont), COUNT(*) FROM p GROUP BY age
UNION ALL SELECT 'ethnicity', eth, SUM(is_new), SUM(is_cont), COUNT(*) FROM p GROUP BY eth
UNION ALL SELECT 'commune', commune, SUM(is_new), SUM(is_cont), COUNT(*) FROM p GROUP BY commune
UNION ALL SELECT 'category', category, SUM(is_new), SUM(is_cont), COUNT(*) FROM p GROUP BY category
UNION ALL SELECT 'total', '', SUM(is_new), SUM(is_cont), COUNT(*) FROM p
""",
    "support": """
SELECT g.grant_type_id,
  SUM(d.handed_on >= :s), COUNT(DISTINCT CASE WHEN d.handed_on >= :s THEN g.beneficiary_id END),
  SUM(CASE WHEN d.handed_on >= :s AND NOT d.in_kind THEN d.amount ELSE 0 END),
  SUM(CASE WHEN d.handed_on >= :s AND d.in_kind THEN d.amount ELSE 0 END),
  COUNT(*), COUNT(DISTINCT g.beneficiary_id),
  SUM(CASE WHEN NOT d.in_kind THEN d.amount ELSE 0 END),
  SUM(CASE WHEN d.in_kind THEN d.amount ELSE 0 END)
FROM disbursement d JOIN grant_plan g ON g.id = d.grant_id
WHERE d.handed_on <= :e GROUP BY g.grant_type_id
""",
    "planned": """
SELECT grant_type_id, COUNT(*) FROM grant_plan
WHERE start_date BETWEEN :s AND :e AND status <> 'cancelled' GROUP BY grant_type_id
""",
    "projects": """
SELECT p.code, p.budget, COALESCE(x.spent, 0), COALESCE(x.in_p, 0) FROM project p
LEFT JOIN (SELECT g.project_id AS pid, SUM(d.amount) AS spent,
                  SUM(CASE WHEN d.handed_on >= :s THEN d.amount ELSE 0 END) AS in_p
           FROM disbursement d JOIN grant_plan g ON g.id = d.grant_id
           WHERE d.handed_on <= :e GROUP BY g.project_id) x ON x.pid = p.id
WHERE p.start_date <= :e AND p.end_date >= :s
""",
    # Each visit scheduled in the period in one state on the end (or today), then the
    # outcomes of the visits done in the period: the service's definitions.
    "visits": """
SELECT months_after, SUM(sched), SUM(done_s), SUM(missed_s),
  SUM(sched AND NOT done_s AND NOT missed_s AND status <> 'cancelled' AND scheduled_on < :cut),
  SUM(sched AND NOT done_s AND NOT missed_s AND status <> 'cancelled'
      AND scheduled_on >= :cut),
  SUM(sched AND status = 'cancelled'), SUM(dp),
  SUM(dp AND livelihood_running = 1), SUM(dp AND livelihood_running = 0),
  SUM(dp AND safety_concern = 1), SUM(dp AND in_school = 1),
  SUM(dp AND income_band = 'none'), SUM(dp AND income_band = 'low'),
  SUM(dp AND income_band = 'medium'), SUM(dp AND income_band = 'high')
FROM (SELECT v.*, scheduled_on BETWEEN :s AND :e AS sched,
        scheduled_on BETWEEN :s AND :e AND status = 'done' AND done_on <= :asof AS done_s,
        scheduled_on BETWEEN :s AND :e AND status = 'missed' AND done_on <= :asof AS missed_s,
        status = 'done' AND done_on BETWEEN :s AND :e AS dp
      FROM visit v)
WHERE sched OR dp
GROUP BY months_after
""",
    "assets": """
WITH ranked AS (
  SELECT asset_id, status, ROW_NUMBER() OVER (PARTITION BY asset_id
                                              ORDER BY happened_on DESC, id DESC) AS rn
  FROM asset_event WHERE happened_on <= :e AND status <> 'calved'
), births AS (
  SELECT DISTINCT asset_id FROM asset_event WHERE happened_on <= :e AND status = 'calved'
)
SELECT a.kind, COUNT(*), SUM(a.parent_id IS NULL), SUM(a.parent_id IS NOT NULL),
  SUM(r.status = 'alive'), SUM(r.status = 'sick'), SUM(r.status = 'in_use'),
  SUM(r.status = 'unused'), SUM(r.status = 'died'), SUM(r.status = 'sold'),
  SUM(r.status = 'passed_on'), COUNT(b.asset_id)
FROM asset a LEFT JOIN ranked r ON r.asset_id = a.id AND r.rn = 1
LEFT JOIN births b ON b.asset_id = a.id
WHERE a.acquired_on <= :e GROUP BY a.kind
""",
    "receipts": """
SELECT COUNT(*), SUM(r.voided_at IS NOT NULL), SUM(r.voided_at IS NULL), SUM(r.reprint_count),
  SUM(CASE WHEN r.voided_at IS NULL THEN d.amount ELSE 0 END)
FROM receipt r JOIN disbursement d ON d.id = r.disbursement_id
WHERE d.handed_on BETWEEN :s AND :e
""",
}


# The same figures for hand-overs in one pass, as the service does it (one scan of the
# hand-overs, totals per grant materialised once, everything added up from those).
ONE_PASS = """
WITH per_grant AS MATERIALIZED (
  SELECT grant_id AS gid, MIN(handed_on) AS first_on, MAX(handed_on) AS last_on,
    SUM(handed_on >= :s) AS n_p, COUNT(*) AS n_t,
    SUM(CASE WHEN handed_on >= :s AND NOT in_kind THEN amount ELSE 0 END) AS cash_p,
    SUM(CASE WHEN handed_on >= :s AND in_kind THEN amount ELSE 0 END) AS goods_p,
    SUM(CASE WHEN NOT in_kind THEN amount ELSE 0 END) AS cash_t,
    SUM(CASE WHEN in_kind THEN amount ELSE 0 END) AS goods_t,
    SUM(handed_on >= :s AND NOT in_kind) AS nc_p,
    MIN(CASE WHEN handed_on >= :s AND NOT in_kind THEN amount END) AS cmin_p,
    MAX(CASE WHEN handed_on >= :s AND NOT in_kind THEN amount END) AS cmax_p,
    MIN(CASE WHEN handed_on >= :s AND in_kind THEN amount END) AS gmin_p,
    MAX(CASE WHEN handed_on >= :s AND in_kind THEN amount END) AS gmax_p,
    SUM(NOT in_kind) AS nc_t,
    MIN(CASE WHEN NOT in_kind THEN amount END) AS cmin_t,
    MAX(CASE WHEN NOT in_kind THEN amount END) AS cmax_t,
    MIN(CASE WHEN in_kind THEN amount END) AS gmin_t,
    MAX(CASE WHEN in_kind THEN amount END) AS gmax_t
  FROM disbursement NOT INDEXED WHERE handed_on <= :e GROUP BY grant_id
), g AS MATERIALIZED (
  SELECT per_grant.*, grant_plan.beneficiary_id AS bid, grant_plan.grant_type_id AS tid,
         grant_plan.project_id AS pid
  FROM per_grant JOIN grant_plan ON grant_plan.id = per_grant.gid
), per_person AS (
  SELECT bid, MIN(first_on) AS first_on, MAX(last_on) AS last_on FROM g GROUP BY bid
), given AS MATERIALIZED (
  SELECT g.*, b.category, COALESCE(b.commune_code, '') AS commune,
    CASE WHEN b.address_recorded_on < '2025-07-01' THEN 'o' ELSE 'n' END AS era
  FROM g JOIN beneficiary b ON b.id = g.bid WHERE g.n_p > 0
), p AS MATERIALIZED (
  SELECT b.sex, b.ethnicity_code AS eth, COALESCE(b.commune_code, '') AS commune,
    CASE WHEN b.address_recorded_on < '2025-07-01' THEN 'o' ELSE 'n' END AS era, b.category,
    pp.last_on >= :s AS in_p,
    CASE
      WHEN (b.birth_date IS NOT NULL AND b.birth_date > :a16)
        OR (b.birth_date IS NULL AND b.birth_year > :y16) THEN 'u16'
      WHEN (b.birth_date IS NOT NULL AND b.birth_date > :a18)
        OR (b.birth_date IS NULL AND b.birth_year > :y18) THEN '16_17'
      WHEN (b.birth_date IS NOT NULL AND b.birth_date > :a25)
        OR (b.birth_date IS NULL AND b.birth_year > :y25) THEN '18_24'
      WHEN (b.birth_date IS NOT NULL AND b.birth_date > :a35)
        OR (b.birth_date IS NULL AND b.birth_year > :y35) THEN '25_34'
      ELSE '35p' END AS age,
    pp.first_on >= :s AS is_new, pp.first_on < :s AND pp.last_on >= :s AS is_cont
  FROM per_person pp JOIN beneficiary b ON b.id = pp.bid
)
SELECT 'sex', sex, SUM(is_new), SUM(is_cont), COUNT(*), 0, 0, 0, 0, 0, 0, 0 FROM p GROUP BY sex
UNION ALL SELECT 'age', age, SUM(is_new), SUM(is_cont), COUNT(*), 0, 0, 0, 0, 0, 0, 0
  FROM p GROUP BY age
UNION ALL SELECT 'ethnicity', eth, SUM(is_new), SUM(is_cont), COUNT(*), 0, 0, 0, 0, 0, 0, 0
  FROM p GROUP BY eth
UNION ALL SELECT 'commune', commune || '|' || era, SUM(is_new), SUM(is_cont), COUNT(*),
  0, 0, 0, 0, 0, 0, 0 FROM p GROUP BY commune, era
UNION ALL SELECT 'csa', category || '|' || sex || '|' || age, SUM(in_p), 0, 0, 0, 0, 0, 0, 0, 0, 0
  FROM p GROUP BY category, sex, age
UNION ALL SELECT 'category', category, SUM(is_new), SUM(is_cont), COUNT(*), 0, 0, 0, 0, 0, 0, 0
  FROM p GROUP BY category
UNION ALL SELECT 'total', '', SUM(is_new), SUM(is_cont), COUNT(*), 0, 0, 0, 0, 0, 0, 0 FROM p
UNION ALL SELECT 'type', tid, SUM(n_p), COUNT(DISTINCT CASE WHEN n_p > 0 THEN bid END),
  SUM(cash_p), SUM(goods_p), SUM(n_t), COUNT(DISTINCT bid), SUM(cash_t), SUM(goods_t), 0, 0
  FROM g GROUP BY tid
UNION ALL SELECT 'type_units', tid, SUM(nc_p), MIN(cmin_p), MAX(cmax_p), MIN(gmin_p),
  MAX(gmax_p), SUM(nc_t), MIN(cmin_t), MAX(cmax_t), MIN(gmin_t), MAX(gmax_t)
  FROM g GROUP BY tid
UNION ALL SELECT 'tcat', tid || '|' || category, COUNT(DISTINCT bid), SUM(n_p), SUM(cash_p),
  SUM(goods_p), SUM(nc_p), MIN(cmin_p), MAX(cmax_p), MIN(gmin_p), MAX(gmax_p), 0
  FROM given GROUP BY tid, category
UNION ALL SELECT 'tplace', tid || '|' || commune || '|' || era, COUNT(DISTINCT bid), SUM(n_p),
  SUM(cash_p), SUM(goods_p), SUM(nc_p), MIN(cmin_p), MAX(cmax_p), MIN(gmin_p), MAX(gmax_p), 0
  FROM given GROUP BY tid, commune, era
UNION ALL SELECT 'project', pid, SUM(cash_t + goods_t), SUM(cash_p + goods_p),
  0, 0, 0, 0, 0, 0, 0, 0
  FROM g GROUP BY pid
"""


def _params() -> dict[str, Any]:
    yb = reports.years_before
    return {
        "s": START.isoformat(), "e": END.isoformat(), "asof": min(END, TODAY).isoformat(),
        "cut": (END + timedelta(days=1) if END < TODAY else TODAY).isoformat(),
        **{f"a{n}": yb(END, n).isoformat() for n in (16, 18, 25, 35)},
        **{f"y{n}": END.year - n for n in (16, 18, 25, 35)},
    }  # fmt: skip


def hand_sql(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """A query per table, written the plain way."""
    out = {}
    with db.engine.connect() as conn:
        for name, sql in HAND_SQL.items():
            out[name] = [tuple(r) for r in conn.execute(text(sql), _params())]
    return out


PEOPLE_DIMS = ("sex", "age", "ethnicity", "commune", "category", "total")


def hand_sql_one_pass(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """The hand-over figures in one statement, the rest as above."""
    out = {}
    with db.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(text(ONE_PASS), _params())]
        out["people"] = [r[:5] for r in rows if r[0] in PEOPLE_DIMS]
        out["tcat"] = [r[1:6] for r in rows if r[0] == "tcat"]
        out["type_codes"] = [
            tuple(r) for r in conn.execute(text("SELECT id, code FROM grant_type"))
        ]
        out["support"] = [r[1:] for r in rows if r[0] == "type"]
        out["projects"] = [r[1:4] for r in rows if r[0] == "project"]
        for name in ("planned", "visits", "assets", "receipts"):
            out[name] = [tuple(r) for r in conn.execute(text(HAND_SQL[name]), _params())]
    return out


def same_figures(summary: reports.Summary, hand: dict[str, list[tuple[Any, ...]]]) -> bool:
    people = {(dim, key): (n, c, t) for dim, key, n, c, t in hand["people"] if dim != "commune"}
    p = summary.people
    mine = {
        **{("sex", r.key): r for r in p.by_sex}, **{("age", r.key): r for r in p.by_age},
        **{("ethnicity", r.key): r for r in p.by_ethnicity},
        **{("category", r.key): r for r in p.by_category}, ("total", ""): p.total,
    }  # fmt: skip
    for key, r in mine.items():
        if (r.new, r.continuing, r.cumulative) != people.get(key, (0, 0, 0)):
            return False
    # Communes are grouped by the unit at the period's end (in Python): the same people.
    by_place = [r for dim, *r in hand["people"] if dim == "commune"]
    if sum(r[3] for r in by_place) != sum(r.cumulative for r in p.by_commune):
        return False
    visits = {row[0]: tuple(row[1:]) for row in hand["visits"]}
    fields = [f.name for f in dataclasses.fields(reports.VisitFigures)][1:]
    if visits != {v.months_after: tuple(getattr(v, f) for f in fields) for v in summary.visits}:
        return False
    if "tcat" in hand:
        cells = {(c.grant_type, c.key): c for c in summary.support_by_category}
        codes = dict(hand["type_codes"])
        for key, people_n, n, cash, goods in hand["tcat"]:
            tid, cat = key.split("|")
            c = cells.get((codes.get(int(tid), tid), cat))
            if c is None or (c.people, c.handovers, c.cash, c.in_kind) != (
                people_n,
                n,
                cash,
                goods,
            ):
                return False
    total_hand = sum(row[7] + row[8] for row in hand["support"])
    total_mine = sum(r.cash_total + r.in_kind_total for r in summary.support)
    r = summary.receipts
    return (
        total_hand == total_mine
        and tuple(hand["receipts"][0]) == (r.issued, r.voided, r.valid, r.reprints, r.amount_valid)
        and sum(x[1] for x in hand["assets"]) == sum(a.total for a in summary.assets)
    )


def timed(fn: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return times, result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument("--handovers", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", type=Path, default=Path("/tmp/tracker-bench/summary.db"))
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--plain", action="store_true", help="a plain SQLite file, not encrypted")
    args = ap.parse_args(argv)
    if args.plain and args.db == ap.get_default("db"):
        args.db = args.db.with_name("summary-plain.db")
    if args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
    db = build(args.db, args.people, args.handovers, None if args.plain else BENCH_KEY)
    print(f"{'plain' if args.plain else 'encrypted (SQLCipher)'}: {args.db}")
    viewer = office.actor_for(db, "viewer")
    with db.engine.connect() as conn:
        counts = {
            t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()
            for t in ("beneficiary", "grant_plan", "disbursement", "receipt", "visit", "asset")
        }
    print("rows: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))

    def service(audience: str) -> Callable[[], reports.Summary]:
        return lambda: reports.summary(db, viewer, START, END, audience=audience, today=TODAY)

    # Warm the page cache once for each, then interleave the rounds.
    service("office")()
    hand_sql(db)
    hand_sql_one_pass(db)
    rounds: dict[str, list[float]] = {
        "summary": [], "summary donor": [], "hand SQL": [], "hand SQL 1 pass": [],
    }  # fmt: skip
    summary = hand = hand1 = None
    for _ in range(args.repeat):
        t, summary = timed(service("office"), 1)
        rounds["summary"] += t
        t, _ = timed(service("donor"), 1)
        rounds["summary donor"] += t
        t, hand = timed(lambda: hand_sql(db), 1)
        rounds["hand SQL"] += t
        t, hand1 = timed(lambda: hand_sql_one_pass(db), 1)
        rounds["hand SQL 1 pass"] += t
    assert summary is not None and hand is not None and hand1 is not None
    ok = same_figures(summary, hand) and same_figures(summary, hand1)
    tracemalloc.start()
    service("office")()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"quarter {START:%d/%m/%Y}–{END:%d/%m/%Y}, {args.repeat} rounds (min / median):")
    for name, times in rounds.items():
        print(
            f"  {name:16s} {min(times) * 1000:8.0f} ms / {statistics.median(times) * 1000:8.0f} ms"
        )
    # Each round's summary against the faster hand SQL of the same round (the machine is
    # shared: rounds far apart are not comparable), then the median of those ratios.
    paired = [
        svc / min(a, b)
        for svc, a, b in zip(
            rounds["summary"], rounds["hand SQL"], rounds["hand SQL 1 pass"], strict=True
        )
    ]
    ratio = statistics.median(paired)
    print(
        f"  ratio summary / best hand SQL, median of {len(paired)} paired rounds: {ratio:.2f}"
        f" (rounds {min(paired):.2f}-{max(paired):.2f}; aim: 1.5 or less)"
    )
    print(f"  same figures: {'yes' if ok else 'NO'}")
    print(f"  peak Python memory during one summary (tracemalloc): {peak / 1024:.0f} KiB")
    print(f"  peak resident size of the process: {rss:.0f} MiB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
