"""Donor projects with their budgets in đồng."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.db.models import Disbursement, Grant, HandoverAdjustment, Project, ProjectTotal
from tracker.domain.vocab import PROJECT_STATUSES
from tracker.services import audit, versions
from tracker.services import validate as v
from tracker.services.context import Actor
from tracker.services.errors import ConflictError, NotFoundError, ValidationError
from tracker.services.office import current_office

MAX_BUDGET = 1_000_000_000_000  # a project budget is at most 1 000 tỷ đồng


@dataclass(frozen=True)
class ProjectInput:
    code: str
    name: str
    donor: str
    start_date: date
    end_date: date
    budget: int
    status: str = "active"
    #: The version the edit was made from (``ProjectView.version``); None: not checked.
    version: int | None = None


@dataclass(frozen=True)
class ProjectView:
    id: int
    code: str
    name: str
    donor: str
    start_date: date
    end_date: date
    budget: int
    status: str
    planned: int  # sum of the grants planned under it
    spent: int  # sum of the hand-overs made under it
    version: int = 1

    @property
    def left(self) -> int:
        return self.budget - self.spent


@dataclass(frozen=True)
class ProjectChoice:
    """A project as a list to choose from shows it (nothing added up)."""

    id: int
    code: str
    name: str
    status: str


def _clean(data: ProjectInput) -> dict[str, object]:
    start = v.a_date(data.start_date, "start_date", not_before=date(2000, 1, 1))
    end = v.a_date(data.end_date, "end_date", not_before=start, not_after=date(2100, 12, 31))
    budget = v.integer(data.budget, "budget")
    if budget <= 0:
        raise ValidationError("amount_positive", "budget")
    if budget > MAX_BUDGET:
        raise ValidationError("amount_too_large", "budget", max=f"{MAX_BUDGET:,}".replace(",", "."))
    return {
        "code": v.code(data.code, "code"),
        "name": v.text(data.name, "project_name", max_len=200, required=True),
        "donor": v.text(data.donor, "donor", max_len=120, required=True),
        "start_date": start,
        "end_date": end,
        "budget": budget,
        "status": v.choice(data.status, "status", PROJECT_STATUSES),
    }


def clean(data: ProjectInput) -> dict[str, object]:
    """A project's values checked as :func:`create_project` checks them (the import's
    Projects sheet)."""
    return _clean(data)


def spent_on(s: Session, project_id: int) -> int:
    """What a project has handed over, with the corrections made after quarters closed
    (kept by the database in step with every hand-over, revision 0013)."""
    spent = s.execute(
        select(ProjectTotal.spent).where(ProjectTotal.project_id == project_id)
    ).scalar_one_or_none()
    return int(spent or 0)


def recount(s: Session, project_id: int) -> tuple[int, int]:
    """A project's plan and spending added up again from every grant, hand-over and
    correction: what :class:`ProjectTotal` must hold (:func:`check_totals` compares the
    two after every sign-in, as the tests and the torture run do)."""
    planned = s.execute(
        select(func.coalesce(func.sum(Grant.planned_total), 0)).where(
            Grant.project_id == project_id, Grant.status != "cancelled"
        )
    ).scalar_one()
    handed = s.execute(
        select(func.coalesce(func.sum(Disbursement.amount), 0))
        .join(Grant, Grant.id == Disbursement.grant_id)
        .where(Grant.project_id == project_id)
    ).scalar_one()
    adjusted = s.execute(
        select(func.coalesce(func.sum(HandoverAdjustment.amount), 0))
        .join(Disbursement, Disbursement.id == HandoverAdjustment.disbursement_id)
        .join(Grant, Grant.id == Disbursement.grant_id)
        .where(Grant.project_id == project_id)
    ).scalar_one()
    return int(planned), int(handed) + int(adjusted)


def _views(s: Session, where: ColumnElement[bool] | None = None) -> list[ProjectView]:
    """Projects with their totals in one statement, in start order."""
    q = (
        select(Project, ProjectTotal.planned, ProjectTotal.spent)
        .outerjoin(ProjectTotal, ProjectTotal.project_id == Project.id)
        .order_by(Project.start_date, Project.id)
    )
    if where is not None:
        q = q.where(where)
    return [
        ProjectView(
            p.id,
            p.code,
            p.name,
            p.donor,
            p.start_date,
            p.end_date,
            p.budget,
            p.status,
            int(planned or 0),
            int(spent or 0),
            p.version,
        )
        for p, planned, spent in s.execute(q)
    ]


def _view(s: Session, p: Project) -> ProjectView:
    return _views(s, Project.id == p.id)[0]


def create_project(db: Database, actor: Actor, data: ProjectInput) -> ProjectView:
    actor.require("project.write")
    values = _clean(data)
    with db.write() as s:
        office = current_office(s)
        if s.execute(select(Project.id).where(Project.code == values["code"])).first():
            raise ConflictError("duplicate_code", "code", value=values["code"])
        p = Project(office_id=office.id, **values)
        s.add(p)
        s.flush()
        audit.record(s, actor, "create", "project", p.id, after=audit.snapshot(p))
        return _view(s, p)


def edit_project(db: Database, actor: Actor, project_id: int, data: ProjectInput) -> ProjectView:
    actor.require("project.write")
    values = _clean(data)
    with db.write() as s:
        p = versions.load(s, Project, project_id, data.version, "project", lambda p: p.code)
        clash = s.execute(
            select(Project.id).where(Project.code == values["code"], Project.id != p.id)
        ).first()
        if clash:
            raise ConflictError("duplicate_code", "code", value=values["code"])
        before = audit.snapshot(p)
        for key, value in values.items():
            setattr(p, key, value)
        s.flush()
        audit.record(s, actor, "update", "project", p.id, before=before, after=audit.snapshot(p))
        return _view(s, p)


def list_projects(db: Database, actor: Actor) -> list[ProjectView]:
    actor.require("read")
    with db.read() as s:
        return _views(s)


def project_choices(db: Database, actor: Actor) -> list[ProjectChoice]:
    """The projects to choose from, in the order of :func:`list_projects`, without their
    totals (a box that opens at once reads nothing more than it shows)."""
    actor.require("read")
    with db.read() as s:
        rows = s.execute(
            select(Project.id, Project.code, Project.name, Project.status).order_by(
                Project.start_date, Project.id
            )
        ).all()
    return [ProjectChoice(*row) for row in rows]


def get_project_by_code(db: Database, actor: Actor, code: str) -> ProjectView:
    actor.require("read")
    wanted = v.code(code, "project")
    with db.read() as s:
        p = s.execute(select(Project).where(Project.code == wanted)).scalar_one_or_none()
        if p is None:
            raise NotFoundError("project", wanted)
        return _view(s, p)


def get_project(db: Database, actor: Actor, project_id: int) -> ProjectView:
    actor.require("read")
    with db.read() as s:
        p = s.get(Project, project_id)
        if p is None:
            raise NotFoundError("project", project_id)
        return _view(s, p)


@dataclass(frozen=True)
class TotalsCorrected:
    """A project whose kept totals differed from its grants and hand-overs counted again."""

    code: str
    kept: tuple[int, int]
    counted: tuple[int, int]


def _kept_and_counted(s: Session) -> list[tuple[int, str, tuple[int, int], tuple[int, int]]]:
    rows = s.execute(
        select(Project.id, Project.code, ProjectTotal.planned, ProjectTotal.spent)
        .outerjoin(ProjectTotal, ProjectTotal.project_id == Project.id)
        .order_by(Project.id)
    ).all()
    return [
        (pid, code, (int(planned or 0), int(spent or 0)), recount(s, pid))
        for pid, code, planned, spent in rows
    ]


def check_totals(db: Database, actor: Actor) -> list[TotalsCorrected]:
    """Each project's kept totals against its grants, hand-overs and corrections counted
    again (run on the worker after sign-in, beside the file's integrity check). The
    database's triggers keep them in step, so a difference means they were changed or
    removed outside the app: the totals are set to the count, in one transaction with an
    ``totals_recounted`` event naming what was kept and what was counted, and the projects so
    corrected are returned (none, in the normal case, with nothing written). Any
    signed-in user's session runs it."""
    actor.require("read")
    with db.read() as s:
        if all(kept == counted for _pid, _code, kept, counted in _kept_and_counted(s)):
            return []
    corrected: list[TotalsCorrected] = []
    with db.write() as s:
        # Counted again under the write lock: nothing changes between count and repair.
        for pid, code, kept, counted in _kept_and_counted(s):
            if kept == counted:
                continue
            row = s.get(ProjectTotal, pid)
            if row is None:
                s.add(ProjectTotal(project_id=pid, planned=counted[0], spent=counted[1]))
            else:
                row.planned, row.spent = counted
            corrected.append(TotalsCorrected(code, kept, counted))
        if corrected:
            audit.record(
                s,
                actor,
                "totals_recounted",
                "project",
                None,
                after={
                    "totals_recounted": [
                        {"project": c.code, "kept": list(c.kept), "counted": list(c.counted)}
                        for c in corrected
                    ]
                },
            )
    return corrected
