"""Kinds of support, seeded with the common ones and their follow-up plans; editable."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.db.models import GrantType
from tracker.services import audit, versions
from tracker.services import validate as v
from tracker.services.context import Actor
from tracker.services.errors import ValidationError


@dataclass(frozen=True)
class GrantTypeView:
    id: int
    code: str
    name_vi: str
    name_en: str
    kind: str
    unit_vi: str
    unit_en: str
    asset_kind: str | None
    followup_months: tuple[int, ...]
    receipt_reason_vi: str
    receipt_reason_en: str
    fields: tuple[str, ...]
    active: bool
    #: Months allowed to pass the first calf on to another family; None: no such rule.
    pass_on_months: int | None = None
    version: int = 1

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


# code, name_vi, name_en, kind, unit_vi, unit_en, asset_kind, follow-up months,
# neutral reason for papers (vi, en), type-specific fields.
SEED: tuple[tuple[object, ...], ...] = (
    ("cattle", "Bò giống sinh sản", "Breeding cattle", "in_kind", "con", "head", "cow",
     (1, 3, 6, 12, 24), "Hỗ trợ sinh kế (bò giống)", "Livelihood support (breeding cattle)",
     ("breed", "head_count", "value_per_head", "ear_tag")),
    ("buffalo", "Trâu giống sinh sản", "Breeding buffalo", "in_kind", "con", "head", "buffalo",
     (1, 3, 6, 12, 24), "Hỗ trợ sinh kế (trâu giống)", "Livelihood support (breeding buffalo)",
     ("breed", "head_count", "value_per_head", "ear_tag")),
    ("pig", "Lợn giống", "Breeding pigs", "in_kind", "con", "head", "pig",
     (1, 3, 6, 12), "Hỗ trợ sinh kế (lợn giống)", "Livelihood support (pigs)",
     ("breed", "head_count", "value_per_head")),
    ("goat", "Dê giống", "Breeding goats", "in_kind", "con", "head", "goat",
     (1, 3, 6, 12), "Hỗ trợ sinh kế (dê giống)", "Livelihood support (goats)",
     ("breed", "head_count", "value_per_head")),
    ("linen_weaving", "Dệt lanh (khung dệt, sợi, tập huấn)", "Linen weaving (loom, yarn, training)",
     "mixed", "bộ", "set", "loom", (1, 3, 6, 12), "Hỗ trợ sinh kế (dệt lanh)",
     "Livelihood support (linen weaving)", ("loom", "yarn_kg", "training")),
    # Yarn is weighed: its own type, so that its unit (kg) is printed, not the loom's set.
    ("linen_yarn", "Sợi lanh", "Linen yarn", "in_kind", "kg", "kg", None, (),
     "Hỗ trợ sinh kế (dệt lanh)", "Livelihood support (linen weaving)", ("kg",)),
    ("monthly_allowance", "Trợ cấp sinh hoạt hằng tháng", "Monthly living allowance", "cash",
     "tháng", "month", None, (3, 6, 12), "Hỗ trợ sinh hoạt hằng tháng",
     "Monthly living support", ("amount_per_month", "months")),
    ("food", "Hỗ trợ lương thực", "Food support", "in_kind", "kg", "kg", None,
     (3,), "Hỗ trợ lương thực", "Food support", ("item", "kg")),
    ("initial_hardship", "Trợ cấp khó khăn ban đầu", "Initial hardship grant", "cash",
     "lần", "payment", None, (1, 3), "Hỗ trợ khó khăn ban đầu", "Initial hardship support", ()),
    ("scholarship", "Học bổng", "Scholarship", "cash", "năm học", "school year", None,
     (3, 6, 12), "Hỗ trợ học tập", "Study support", ("school_year", "school")),
    ("school_supplies", "Đồ dùng học tập", "School supplies", "in_kind", "bộ", "set", None,
     (6,), "Hỗ trợ học tập", "Study support", ("school_year",)),
    ("vocational_training", "Học nghề", "Vocational training", "cash", "khóa", "course", None,
     (3, 6, 12), "Hỗ trợ học nghề", "Vocational training support", ("trade", "school")),
    ("house_repair", "Sửa chữa nhà ở", "House repair", "mixed", "công trình", "work", None,
     (1, 6), "Hỗ trợ cải thiện nhà ở", "Housing support", ("works",)),
    ("sanitation", "Công trình vệ sinh", "Sanitation", "mixed", "công trình", "work", None,
     (1, 6), "Hỗ trợ công trình vệ sinh", "Sanitation support", ("works",)),
    ("small_business", "Vốn kinh doanh nhỏ", "Small-business capital", "cash", "lần",
     "payment", None, (1, 3, 6, 12), "Hỗ trợ sinh kế (vốn kinh doanh)",
     "Livelihood support (business capital)", ("business",)),
)  # fmt: skip


#: The seeded types whose first calf is passed on to another family, and the months allowed
#: from its birth (an administrator changes them in Settings).
PASS_ON_MONTHS = {"cattle": 12, "buffalo": 12}
MAX_PASS_ON_MONTHS = 60


def seed_grant_types(session: Session, actor: Actor) -> int:
    """Add the standard types that are missing; returns how many were added."""
    existing = set(session.execute(select(GrantType.code)).scalars())
    added = 0
    for row in SEED:
        (code, name_vi, name_en, kind, unit_vi, unit_en, asset, months, r_vi, r_en, fields) = row
        if code in existing:
            continue
        gt = GrantType(
            code=code,
            name_vi=name_vi,
            name_en=name_en,
            kind=kind,
            unit_vi=unit_vi,
            unit_en=unit_en,
            asset_kind=asset,
            followup_months=list(months),  # type: ignore[call-overload]
            receipt_reason_vi=r_vi,
            receipt_reason_en=r_en,
            fields=list(fields),  # type: ignore[call-overload]
            active=True,
            pass_on_months=PASS_ON_MONTHS.get(str(code)),
        )
        session.add(gt)
        session.flush()
        audit.record(session, actor, "create", "grant_type", gt.id, after=audit.snapshot(gt))
        added += 1
    return added


def view(gt: GrantType) -> GrantTypeView:
    return GrantTypeView(
        gt.id,
        gt.code,
        gt.name_vi,
        gt.name_en,
        gt.kind,
        gt.unit_vi,
        gt.unit_en,
        gt.asset_kind,
        tuple(gt.followup_months or ()),
        gt.receipt_reason_vi,
        gt.receipt_reason_en,
        tuple(gt.fields or ()),
        gt.active,
        gt.pass_on_months,
        gt.version,
    )


def by_code(session: Session, code: object) -> GrantType:
    if not isinstance(code, str):
        raise ValidationError("unknown_grant_type", "grant_type", value=code)
    gt = session.execute(select(GrantType).where(GrantType.code == code)).scalar_one_or_none()
    if gt is None or not gt.active:
        raise ValidationError("unknown_grant_type", "grant_type", value=code)
    return gt


def list_grant_types(
    db: Database, actor: Actor, *, include_inactive: bool = False
) -> list[GrantTypeView]:
    actor.require("read")
    with db.read() as s:
        q = select(GrantType).order_by(GrantType.id)
        if not include_inactive:
            q = q.where(GrantType.active.is_(True))
        return [view(gt) for gt in s.execute(q).scalars()]


def check_months(months: object) -> list[int]:
    if not isinstance(months, (list, tuple)):
        raise ValidationError("months_invalid", "followup_months")
    cleaned = [v.integer(m, "followup_months") for m in months]
    if any(not 1 <= m <= 120 for m in cleaned) or cleaned != sorted(set(cleaned)):
        raise ValidationError("months_invalid", "followup_months")
    return cleaned


def parse_months(text: object) -> list[int]:
    """The follow-up plan as typed: month numbers separated by commas, semicolons or
    spaces ("1, 3, 6, 12"); empty for no visits. Checked as :func:`check_months`."""
    if not isinstance(text, str):
        raise ValidationError("months_invalid", "followup_months")
    tokens = [t for t in re.split(r"[,;\s]+", unicodedata.normalize("NFKC", text)) if t]
    if not all(t.isascii() and t.isdigit() for t in tokens):
        raise ValidationError("months_invalid", "followup_months")
    return check_months([int(t) for t in tokens])


def update_grant_type(
    db: Database,
    actor: Actor,
    code: str,
    *,
    name_vi: str | None = None,
    name_en: str | None = None,
    followup_months: list[int] | tuple[int, ...] | None = None,
    receipt_reason_vi: str | None = None,
    receipt_reason_en: str | None = None,
    active: bool | None = None,
    pass_on_months: int | None = None,
    version: int | None = None,
) -> GrantTypeView:
    """Change a support type; ``pass_on_months``: the months allowed to pass the first
    calf on (1 to 60), 0 for no such rule, None to leave it as it is; ``version``: the one
    the change was made from (``GrantTypeView.version``), refused with EditConflict when
    someone saved it since."""
    actor.require("grant_type.write")
    with db.write() as s:
        gt = s.execute(
            select(GrantType).where(GrantType.code == code).with_for_update()
        ).scalar_one_or_none()
        if gt is None:
            raise ValidationError("unknown_grant_type", "grant_type", value=code)
        versions.check(s, gt, version, "grant_type", gt.code)
        before = audit.snapshot(gt)
        if name_vi is not None:
            gt.name_vi = v.text(name_vi, "grant_type", max_len=120, required=True)
        if name_en is not None:
            gt.name_en = v.text(name_en, "grant_type", max_len=120, required=True)
        if followup_months is not None:
            gt.followup_months = check_months(followup_months)
        if receipt_reason_vi is not None:
            gt.receipt_reason_vi = v.text(
                receipt_reason_vi, "description", max_len=200, required=True
            )
        if receipt_reason_en is not None:
            gt.receipt_reason_en = v.text(
                receipt_reason_en, "description", max_len=200, required=True
            )
        if active is not None:
            gt.active = bool(active)
        if pass_on_months is not None:
            months = v.integer(pass_on_months, "pass_on_months")
            if not 0 <= months <= MAX_PASS_ON_MONTHS:
                raise ValidationError(
                    "pass_on_months_range", "pass_on_months", max=MAX_PASS_ON_MONTHS
                )
            gt.pass_on_months = months or None
        s.flush()
        audit.record(
            s, actor, "update", "grant_type", gt.id, before=before, after=audit.snapshot(gt)
        )
        return view(gt)
