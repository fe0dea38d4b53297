"""A project's plan and spending, kept by the database beside it (revision 0013), stay equal
to what its grants, hand-overs and corrections add up to, whatever changes them: the
services, a cancelled grant, a correction after a quarter closed, and rows changed or
removed outside the services."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, text

from tracker.db.models import Disbursement, ProjectTotal
from tracker.services import closing, grants, projects
from tracker.services.grants import HandoverEdit

from . import test_svc_grants
from .test_svc_grants import Env, cash_plan, hand, plan, project_input

env = test_svc_grants.env  # the fixture: an office, two people and a project

NOW = date(2025, 11, 20)


def totals(env: Env) -> dict[str, tuple[int, int]]:
    """Each project's stored (planned, spent), as the projects list shows them, after
    checking them against a count made again from every row."""
    shown = {p.code: (p.planned, p.spent) for p in projects.list_projects(env.db, env.admin)}
    with env.db.read() as s:
        for p in projects.list_projects(env.db, env.admin):
            assert projects.recount(s, p.id) == shown[p.code], p.code
    return shown


def test_totals_follow_every_change_to_grants_and_hand_overs(env: Env) -> None:
    other = projects.create_project(env.db, env.admin, project_input(code="P2"))
    assert totals(env) == {"P1": (0, 0), "P2": (0, 0)}

    g1 = cash_plan(env, 30_000_000)
    g2 = cash_plan(env, 20_000_000, project_id=other.id, beneficiary_id=env.other.id)
    cows = plan(env)  # two cows at COW đồng each
    cow_total = cows.planned_total
    assert totals(env) == {"P1": (30_000_000 + cow_total, 0), "P2": (20_000_000, 0)}

    first = hand(env, g1.id, date(2025, 3, 1), amount=10_000_000)
    hand(env, g2.id, date(2025, 3, 2), amount=4_000_000)
    assert totals(env) == {
        "P1": (30_000_000 + cow_total, 10_000_000),
        "P2": (20_000_000, 4_000_000),
    }

    # A hand-over corrected in its open quarter.
    grants.edit_handover(
        env.db, env.accountant, first.id, HandoverEdit(amount=7_000_000), today=date(2025, 3, 5)
    )
    assert totals(env)["P1"] == (30_000_000 + cow_total, 7_000_000)

    # Corrected after its quarter closed: an adjustment dated today.
    closing.close_period(env.db, env.admin, "2025-Q1", today=NOW)
    grants.adjust_handover(env.db, env.accountant, first.id, 6_000_000, "Ghi nhầm", today=NOW)
    assert totals(env)["P1"] == (30_000_000 + cow_total, 6_000_000)

    # A cancelled grant leaves the plan; what it had handed over stays spent.
    grants.cancel_grant(env.db, env.admin, g2.id, "Gia đình chuyển đi")
    assert totals(env)["P2"] == (0, 4_000_000)


def test_totals_follow_rows_changed_outside_the_services(env: Env) -> None:
    """The triggers keep the totals whatever writes the rows: a grant moved to another
    project takes its hand-overs along; a hand-over moved or removed is taken off."""
    other = projects.create_project(env.db, env.admin, project_input(code="P2"))
    g = cash_plan(env, 30_000_000)
    hand(env, g.id, date(2025, 3, 1), amount=10_000_000)
    with env.db.write() as s:
        s.execute(
            text("UPDATE grant_plan SET project_id = :p WHERE id = :g"), {"p": other.id, "g": g.id}
        )
    assert totals(env) == {"P1": (0, 0), "P2": (30_000_000, 10_000_000)}

    back = cash_plan(env, 5_000_000)  # under P1
    with env.db.write() as s:
        s.execute(text("UPDATE grant_plan SET planned_total = 40000000 WHERE id = :g"), {"g": g.id})
        row = Disbursement(
            grant_id=g.id, handed_on=date(2025, 4, 1), description="Gạo", amount=300_000
        )
        s.add(row)
        s.flush()
        extra = row.id
    assert totals(env) == {"P1": (5_000_000, 0), "P2": (40_000_000, 10_300_000)}
    with env.db.write() as s:
        s.execute(
            text("UPDATE disbursement SET grant_id = :g, amount = 200000 WHERE id = :d"),
            {"g": back.id, "d": extra},
        )
    assert totals(env) == {"P1": (5_000_000, 200_000), "P2": (40_000_000, 10_000_000)}
    with env.db.write() as s:
        s.execute(text("DELETE FROM disbursement WHERE id = :d"), {"d": extra})
    assert totals(env) == {"P1": (5_000_000, 0), "P2": (40_000_000, 10_000_000)}


def test_a_removed_project_takes_its_totals_along(env: Env) -> None:
    extra = projects.create_project(env.db, env.admin, project_input(code="P3"))
    with env.db.read() as s:
        assert s.get(ProjectTotal, extra.id) is not None
    with env.db.write() as s:
        s.execute(text("DELETE FROM project WHERE id = :p"), {"p": extra.id})
    with env.db.read() as s:
        assert s.execute(select(ProjectTotal.project_id)).scalars().all() == [env.project.id]


def test_totals_changed_by_hand_are_counted_again_after_sign_in_and_the_change_recorded(
    env: Env,
) -> None:
    """The check run after every sign-in: totals changed outside the app (or triggers
    removed) are set back to the count, with an event in the audit trail; totals that
    agree are left alone, and nothing is written."""
    from tracker.services import audit

    g = cash_plan(env, 30_000_000)
    hand(env, g.id, date(2025, 3, 1), amount=10_000_000)
    events = len(audit.list_events(env.db, env.admin, limit=1000))
    assert projects.check_totals(env.db, env.admin) == []
    assert len(audit.list_events(env.db, env.admin, limit=1000)) == events

    with env.db.write() as s:
        s.execute(text("UPDATE project_total SET spent = 1, planned = 2"))
    assert [p.spent for p in projects.list_projects(env.db, env.admin)] == [1]
    corrected = projects.check_totals(env.db, env.actors["viewer"])
    assert corrected == [
        projects.TotalsCorrected("P1", kept=(2, 1), counted=(30_000_000, 10_000_000))
    ]
    assert totals(env) == {"P1": (30_000_000, 10_000_000)}
    newest = audit.list_events(env.db, env.admin, limit=1)[0]
    assert newest.action == "totals_recounted"
    assert newest.after == {
        "totals_recounted": [{"project": "P1", "kept": [2, 1], "counted": [30_000_000, 10_000_000]}]
    }
    assert projects.check_totals(env.db, env.admin) == []
