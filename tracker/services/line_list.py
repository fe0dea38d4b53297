"""The line list of a period: everyone supported, with names, ID numbers and phones. For
an administrator only, written only into an encrypted file, and logged in the audit trail."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, func, select

from tracker.db.engine import Database
from tracker.db.models import Beneficiary, Disbursement, Grant
from tracker.domain.shapes import LineListRow
from tracker.services import audit
from tracker.services.context import Actor
from tracker.services.figures import check_audience, check_range, eligible, sum_if


def line_list(
    db: Database, actor: Actor, start: date, end: date, *, audience: str = "office"
) -> list[LineListRow]:
    """Everyone supported up to ``end`` with names, ID numbers and phones: for an
    administrator, and written only into an encrypted file. Logged in the audit trail."""
    actor.require("user.manage")
    start, end = check_range(start, end)
    audience = check_audience(audience)
    in_period = Disbursement.handed_on >= start
    cash = Disbursement.in_kind.is_(False)
    goods = Disbursement.in_kind.is_(True)
    totals = (
        select(
            Grant.beneficiary_id.label("bid"),
            func.min(Disbursement.handed_on).label("first_on"),
            sum_if(in_period).label("n"),
            sum_if(and_(in_period, cash), Disbursement.amount).label("cash_p"),
            sum_if(and_(in_period, goods), Disbursement.amount).label("goods_p"),
            sum_if(cash, Disbursement.amount).label("cash_t"),
            sum_if(goods, Disbursement.amount).label("goods_t"),
        )
        .join(Grant, Grant.id == Disbursement.grant_id)
        .where(Disbursement.handed_on <= end)
        .group_by(Grant.beneficiary_id)
        .subquery()
    )
    with db.write() as s:
        rows = s.execute(
            select(Beneficiary, totals)
            .join(totals, totals.c.bid == Beneficiary.id)
            .where(eligible(Beneficiary.id, audience))
            .order_by(Beneficiary.sort_key, Beneficiary.id)
        ).all()
        out = [
            LineListRow(
                code=b.code,
                full_name=b.full_name,
                alias=b.alias,
                sex=b.sex,
                birth_date=b.birth_date,
                birth_year=b.birth_year,
                ethnicity_code=b.ethnicity_code,
                id_number=b.id_number or "",
                phone=b.phone,
                commune_code=b.commune_code or "",
                village=b.village,
                category=b.category,
                status=b.status,
                registered_on=b.registered_on,
                first_handover=first_on,
                handovers_in_period=int(n),
                cash_in_period=int(cp),
                in_kind_in_period=int(gp),
                cash_total=int(ct),
                in_kind_total=int(gtot),
            )
            for b, _bid, first_on, n, cp, gp, ct, gtot in rows
        ]
        audit.record(
            s,
            actor,
            "view",
            "line_list",
            None,
            after={
                "what": "line_list",
                "start": start.isoformat(),
                "end": end.isoformat(),
                "audience": audience,
                "people": len(out),
            },
        )
        return out
