"""The whole domain as typed SQLAlchemy models.

Money columns hold whole đồng as integers. Dates are ``date``; timestamps are UTC-aware.
Enumerations are stored as short strings checked by the database, so that reports written
in plain SQL read the same values the services write; their codes are declared in
``tracker.domain.vocab`` (imported here for the checks, and for the modules that read them
from here).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db.base import Base, UTCDateTime, utcnow
from tracker.domain.vocab import (
    ASSET_KINDS,
    ASSET_STATUSES,
    ATTACHMENT_KINDS,
    ATTACHMENT_TYPES,
    BENEFICIARY_STATUSES,
    CATEGORIES,
    CONSENT_KINDS,
    GRANT_KINDS,
    GRANT_STATUSES,
    OFFICE_KINDS,
    PROJECT_STATUSES,
    ROLES,
    SEXES,
    UNIT_LEVELS,
    VISIT_STATUSES,
)


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


class AppMeta(Base):
    """Facts about this database file: its identity (matched against its key file)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class Office(Base):
    """The office that owns the records (this installation)."""

    __tablename__ = "office"
    __table_args__ = (CheckConstraint(_in("kind", OFFICE_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Counted up by every update (revision 0011): a save made from an older version
    #: is refused instead of overwriting what another PC saved in between.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="district")
    province_code: Mapped[str | None] = mapped_column(String(8))
    unit_code: Mapped[str | None] = mapped_column(String(8))
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    receipt_prefix: Mapped[str] = mapped_column(String(12), unique=True)
    head_name: Mapped[str] = mapped_column(String(120), default="")
    accountant_name: Mapped[str] = mapped_column(String(120), default="")
    cashier_name: Mapped[str] = mapped_column(String(120), default="")
    #: Quyển số printed on payment vouchers (the office's own numbering of its books).
    voucher_book: Mapped[str] = mapped_column(String(20), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AdminUnit(Base):
    """A province, commune or legacy district as it was valid over a span of dates.

    Codes are kept as published, but a merged commune may carry on an old commune's code,
    so a code names a unit only together with the date it was valid on.
    """

    __tablename__ = "admin_unit"
    __table_args__ = (
        CheckConstraint(_in("level", UNIT_LEVELS), name="level"),
        UniqueConstraint("code", "valid_from"),
        Index("ix_admin_unit_code", "code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8))
    level: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(120))
    unit_type: Mapped[str] = mapped_column(String(40), default="")
    parent_code: Mapped[str | None] = mapped_column(String(8))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class AdminUnitLink(Base):
    """An old unit (until 30 June 2025) and a new unit it went into on 1 July 2025; ``main``
    marks the new unit that took most of it (the only one unless it was divided)."""

    __tablename__ = "admin_unit_link"
    __table_args__ = (
        UniqueConstraint("old_code", "new_code"),
        Index("ix_admin_unit_link_new", "new_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    old_code: Mapped[str] = mapped_column(String(8))
    new_code: Mapped[str] = mapped_column(String(8))
    main: Mapped[bool] = mapped_column(Boolean, default=True)


class User(Base):
    __tablename__ = "app_user"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Counted up by every update (revision 0011): a save made from an older version
    #: is refused instead of overwriting what another PC saved in between.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


#: The search index over ``Beneficiary.search_key`` (migration 0006): an FTS5 table with
#: the trigram tokenizer on SQLite (and its shadow tables), a pg_trgm index on PostgreSQL.
#: Kept by the database itself (triggers), so it is not among the models.
SEARCH_INDEX = "beneficiary_fts"
SEARCH_INDEX_PG = "ix_beneficiary_search_trgm"


def outside_models(name: str | None) -> bool:
    """A table or index of the search index, which the models do not describe (for
    Alembic's comparison of the models with the database)."""
    return bool(name) and (str(name).startswith(SEARCH_INDEX) or name == SEARCH_INDEX_PG)


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """Alembic's ``include_name``: everything but the search index."""
    return not (type_ in ("table", "index") and outside_models(name))


class Beneficiary(Base):
    __tablename__ = "beneficiary"
    __table_args__ = (
        CheckConstraint(_in("sex", SEXES), name="sex"),
        CheckConstraint(_in("category", CATEGORIES), name="category"),
        CheckConstraint(_in("status", BENEFICIARY_STATUSES), name="status"),
        Index("ix_beneficiary_name_key", "name_key"),
        Index("ix_beneficiary_sort", "sort_key"),
        Index("ix_beneficiary_commune", "commune_code"),
        Index("ix_beneficiary_id_number", "id_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Counted up by every update (revision 0011): a save made from an older version
    #: is refused instead of overwriting what another PC saved in between.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    code: Mapped[str] = mapped_column(String(20), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    alias: Mapped[str] = mapped_column(String(60), default="")
    # Folded (no diacritics, lower case) for search, and given-name-first for sorting.
    name_key: Mapped[str] = mapped_column(Text)
    search_key: Mapped[str] = mapped_column(Text)
    sort_key: Mapped[str] = mapped_column(Text)
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    ethnicity_code: Mapped[str] = mapped_column(String(4))
    ethnicity_list: Mapped[str] = mapped_column(String(16), default="gso2008")
    id_number: Mapped[str | None] = mapped_column(String(20))
    phone: Mapped[str] = mapped_column(String(20), default="")
    province_code: Mapped[str | None] = mapped_column(String(8))
    commune_code: Mapped[str | None] = mapped_column(String(8))
    village: Mapped[str] = mapped_column(String(120), default="")
    address_text: Mapped[str] = mapped_column(String(300), default="")
    address_recorded_on: Mapped[date | None] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), default="active")
    registered_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    consents: Mapped[list[Consent]] = relationship(
        back_populates="beneficiary", order_by="Consent.id"
    )
    grants: Mapped[list[Grant]] = relationship(back_populates="beneficiary", order_by="Grant.id")


class Consent(Base):
    """One consent decision; the latest row of a kind is the one in force."""

    __tablename__ = "consent"
    __table_args__ = (
        CheckConstraint(_in("kind", CONSENT_KINDS), name="kind"),
        Index("ix_consent_beneficiary", "beneficiary_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    beneficiary_id: Mapped[int] = mapped_column(ForeignKey("beneficiary.id"))
    kind: Mapped[str] = mapped_column(String(20))
    given: Mapped[bool] = mapped_column(Boolean)
    decided_on: Mapped[date] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    note: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    beneficiary: Mapped[Beneficiary] = relationship(back_populates="consents")


class Project(Base):
    __tablename__ = "project"
    __table_args__ = (
        CheckConstraint("budget >= 0", name="budget"),
        CheckConstraint(_in("status", PROJECT_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Counted up by every update (revision 0011): a save made from an older version
    #: is refused instead of overwriting what another PC saved in between.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    donor: Mapped[str] = mapped_column(String(120))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    budget: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(12), default="active")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ProjectTotal(Base):
    """What a project has planned (its grants not cancelled) and handed over (corrections
    included). Written only by the database's triggers (revision 0013), in the transaction
    that changes a grant, a hand-over or a correction. The app reads it, and writes it only
    to set it back to a count made again when it was changed outside the app
    (``projects.check_totals``, after every sign-in)."""

    __tablename__ = "project_total"

    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), primary_key=True
    )
    planned: Mapped[int] = mapped_column(BigInteger, server_default="0")
    spent: Mapped[int] = mapped_column(BigInteger, server_default="0")


class GrantType(Base):
    """A kind of support, with its default follow-up plan (months after a hand-over)."""

    __tablename__ = "grant_type"
    __table_args__ = (CheckConstraint(_in("kind", GRANT_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Counted up by every update (revision 0011): a save made from an older version
    #: is refused instead of overwriting what another PC saved in between.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name_vi: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(10))
    unit_vi: Mapped[str] = mapped_column(String(30), default="")
    unit_en: Mapped[str] = mapped_column(String(30), default="")
    asset_kind: Mapped[str | None] = mapped_column(String(16))
    followup_months: Mapped[list[int]] = mapped_column(JSON, default=list)
    receipt_reason_vi: Mapped[str] = mapped_column(String(200))
    receipt_reason_en: Mapped[str] = mapped_column(String(200))
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: "The first calf is passed on to another family" within this many months of its
    #: birth (revision 0009); None: no such rule.
    pass_on_months: Mapped[int | None] = mapped_column(Integer)


class Grant(Base):
    """One beneficiary's support plan under a project: tranches of cash or goods."""

    __tablename__ = "grant_plan"
    __table_args__ = (
        CheckConstraint("planned_total >= 0", name="planned_total"),
        CheckConstraint(_in("status", GRANT_STATUSES), name="status"),
        Index("ix_grant_beneficiary", "beneficiary_id"),
        Index("ix_grant_project", "project_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Counted up by every update (revision 0011): a save made from an older version
    #: is refused instead of overwriting what another PC saved in between.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    beneficiary_id: Mapped[int] = mapped_column(ForeignKey("beneficiary.id"))
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"))
    grant_type_id: Mapped[int] = mapped_column(ForeignKey("grant_type.id"))
    planned_total: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(12), default="planned")
    start_date: Mapped[date] = mapped_column(Date)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    # The officer who follows this family up; visits are scheduled for them.
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    beneficiary: Mapped[Beneficiary] = relationship(back_populates="grants")
    project: Mapped[Project] = relationship()
    grant_type: Mapped[GrantType] = relationship()
    tranches: Mapped[list[Tranche]] = relationship(
        back_populates="grant", order_by="Tranche.seq", cascade="all, delete-orphan"
    )


class Tranche(Base):
    """A planned part of a grant: cash (amount) or goods (quantity x unit value)."""

    __tablename__ = "tranche"
    __table_args__ = (
        UniqueConstraint("grant_id", "seq"),
        CheckConstraint("amount >= 0", name="amount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Counted up by every update (revision 0011): a save made from an older version
    #: is refused instead of overwriting what another PC saved in between.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    grant_id: Mapped[int] = mapped_column(ForeignKey("grant_plan.id"))
    seq: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[date | None] = mapped_column(Date)
    quantity: Mapped[int | None] = mapped_column(Integer)
    unit_value: Mapped[int | None] = mapped_column(BigInteger)
    amount: Mapped[int] = mapped_column(BigInteger)
    in_kind: Mapped[bool] = mapped_column(Boolean, default=False)

    grant: Mapped[Grant] = relationship(back_populates="tranches")


class Disbursement(Base):
    """One hand-over of cash or goods to a beneficiary."""

    __tablename__ = "disbursement"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount"),
        # The grant and the amount together: a project's spending is read from the index.
        Index("ix_disbursement_grant_amount", "grant_id", "amount"),
        Index("ix_disbursement_date", "handed_on"),
        Index("ix_disbursement_part_of", "part_of_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Counted up by every update (revision 0011): a save made from an older version
    #: is refused instead of overwriting what another PC saved in between.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    grant_id: Mapped[int] = mapped_column(ForeignKey("grant_plan.id"))
    tranche_id: Mapped[int | None] = mapped_column(ForeignKey("tranche.id"))
    handed_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(String(200))
    in_kind: Mapped[bool] = mapped_column(Boolean, default=False)
    quantity: Mapped[int | None] = mapped_column(Integer)
    unit_value: Mapped[int | None] = mapped_column(BigInteger)
    # Cash paid, or the value of the goods (quantity x unit value): whole đồng.
    amount: Mapped[int] = mapped_column(BigInteger)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    override_reason: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Several things handed over at once (a loom, yarn and the training money) are one
    # hand-over with one receipt: the first line carries the receipt, the others point to it.
    part_of_id: Mapped[int | None] = mapped_column(ForeignKey("disbursement.id"))

    grant: Mapped[Grant] = relationship()
    receipt: Mapped[Receipt | None] = relationship(
        back_populates="disbursement",
        primaryjoin="and_(Receipt.disbursement_id == Disbursement.id, Receipt.voided_at == None)",
        viewonly=True,
        uselist=False,
    )


class ReceiptCounter(Base):
    """Last receipt sequence used per office and year (gap-free numbering)."""

    __tablename__ = "receipt_counter"

    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class Receipt(Base):
    __tablename__ = "receipt"
    __table_args__ = (
        UniqueConstraint("office_id", "year", "seq"),
        Index("ix_receipt_disbursement", "disbursement_id"),
        Index("ix_receipt_replaces", "replaces_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Counted up by every update (revision 0011): a save made from an older version
    #: is refused instead of overwriting what another PC saved in between.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    disbursement_id: Mapped[int] = mapped_column(ForeignKey("disbursement.id"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reprint_count: Mapped[int] = mapped_column(Integer, default=0)
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    void_reason: Mapped[str] = mapped_column(String(300), default="")
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("receipt.id"))
    # When the original paper was first printed (or saved as PDF); every later print is a
    # copy, counted in ``reprint_count``.
    printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A receipt whose quarter was closed is voided, or replaced, in the open period: the
    # day the void counts in (the closed quarter's figures keep it valid), and the day a
    # replacement issued then counts in (instead of its hand-over's day). Revision 0007.
    late_void_on: Mapped[date | None] = mapped_column(Date)
    late_issued_on: Mapped[date | None] = mapped_column(Date)

    disbursement: Mapped[Disbursement] = relationship(foreign_keys=[disbursement_id])


class LegalBasis(Base):
    """The form code and legal-basis line printed on payment vouchers dated from
    ``valid_from`` (until the next row's date): the circular in force on the voucher's day."""

    __tablename__ = "legal_basis"

    id: Mapped[int] = mapped_column(primary_key=True)
    valid_from: Mapped[date] = mapped_column(Date, unique=True)
    form_code: Mapped[str] = mapped_column(String(40))
    legal_note: Mapped[str] = mapped_column(String(300))


class Asset(Base):
    """A granted animal or loom, or one born of a granted animal."""

    __tablename__ = "asset"
    __table_args__ = (
        CheckConstraint(_in("kind", ASSET_KINDS), name="kind"),
        CheckConstraint(_in("status", ASSET_STATUSES), name="status"),
        Index("ix_asset_beneficiary", "beneficiary_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Counted up by every update (revision 0011): a save made from an older version
    #: is refused instead of overwriting what another PC saved in between.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    beneficiary_id: Mapped[int] = mapped_column(ForeignKey("beneficiary.id"))
    grant_id: Mapped[int] = mapped_column(ForeignKey("grant_plan.id"))
    disbursement_id: Mapped[int | None] = mapped_column(ForeignKey("disbursement.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("asset.id"))
    kind: Mapped[str] = mapped_column(String(12))
    description: Mapped[str] = mapped_column(String(200), default="")
    tag: Mapped[str] = mapped_column(String(40), default="")
    value: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(12), default="alive")
    acquired_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)

    events: Mapped[list[AssetEvent]] = relationship(
        back_populates="asset", order_by="AssetEvent.id", cascade="all, delete-orphan"
    )


class AssetEvent(Base):
    __tablename__ = "asset_event"
    __table_args__ = (CheckConstraint(_in("status", ASSET_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    asset_id: Mapped[int] = mapped_column(ForeignKey("asset.id"))
    happened_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(String(300), default="")
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    asset: Mapped[Asset] = relationship(back_populates="events")


class PassOn(Base):
    """An animal (a calf) or a thing (a loom) a family passes on to another family
    (bò quay vòng): the giver's asset closes as passed on, the receiver gets an asset of
    her own with its hand-over note and its follow-up visits. Not money spent: the value
    is the animal's, written on the note (revision 0009)."""

    __tablename__ = "pass_on"
    __table_args__ = (
        CheckConstraint("value >= 0", name="value"),
        CheckConstraint("giver_id <> receiver_id", name="two_families"),
        Index("ix_pass_on_handed_on", "handed_on"),
        Index("ix_pass_on_giver", "giver_id"),
        Index("ix_pass_on_receiver", "receiver_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The giver's asset that was passed on (closed with status "passed_on").
    from_asset_id: Mapped[int] = mapped_column(ForeignKey("asset.id"), unique=True)
    #: The asset it became for the receiving family.
    asset_id: Mapped[int] = mapped_column(ForeignKey("asset.id"), unique=True)
    #: The granted animal whose "first calf" duty this pass-on fulfils (None: none).
    obligation_asset_id: Mapped[int | None] = mapped_column(ForeignKey("asset.id"))
    grant_id: Mapped[int] = mapped_column(ForeignKey("grant_plan.id"))
    giver_id: Mapped[int] = mapped_column(ForeignKey("beneficiary.id"))
    receiver_id: Mapped[int] = mapped_column(ForeignKey("beneficiary.id"))
    handed_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(String(200))
    value: Mapped[int] = mapped_column(BigInteger, default=0)
    witness_name: Mapped[str] = mapped_column(String(120), default="")
    witness_title: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Visit(Base):
    """A follow-up visit: scheduled from a hand-over, then done with an outcome, or missed
    (no one to meet) with the reason."""

    __tablename__ = "visit"
    __table_args__ = (
        CheckConstraint(_in("status", VISIT_STATUSES), name="status"),
        Index("ix_visit_due", "status", "scheduled_on"),
        Index("ix_visit_beneficiary", "beneficiary_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Counted up by every update (revision 0011): a save made from an older version
    #: is refused instead of overwriting what another PC saved in between.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    beneficiary_id: Mapped[int] = mapped_column(ForeignKey("beneficiary.id"))
    grant_id: Mapped[int | None] = mapped_column(ForeignKey("grant_plan.id"))
    disbursement_id: Mapped[int | None] = mapped_column(ForeignKey("disbursement.id"))
    months_after: Mapped[int | None] = mapped_column(Integer)
    scheduled_on: Mapped[date] = mapped_column(Date)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    status: Mapped[str] = mapped_column(String(12), default="scheduled")
    done_on: Mapped[date | None] = mapped_column(Date)
    livelihood_running: Mapped[bool | None] = mapped_column(Boolean)
    income_band: Mapped[str | None] = mapped_column(String(8))
    safety_concern: Mapped[bool | None] = mapped_column(Boolean)
    in_school: Mapped[bool | None] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text, default="")
    #: One of MISSED_REASONS when the status is "missed" (revision 0002).
    missed_reason: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    beneficiary: Mapped[Beneficiary] = relationship()
    grant: Mapped[Grant | None] = relationship()
    officer: Mapped[User | None] = relationship()


class HandoverAdjustment(Base):
    """A correction of a hand-over made after its quarter was closed: dated in an open
    period (the day it was made), pointing at the hand-over it corrects, with the change of
    its value in đồng (negative when less was handed over than recorded). The hand-over
    itself stays as it was, and so does the closed quarter's report."""

    __tablename__ = "handover_adjustment"
    __table_args__ = (
        CheckConstraint("amount <> 0", name="amount"),
        Index("ix_handover_adjustment_disbursement", "disbursement_id"),
        Index("ix_handover_adjustment_date", "adjusted_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    disbursement_id: Mapped[int] = mapped_column(ForeignKey("disbursement.id"))
    adjusted_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(300))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PeriodClose(Base):
    """A quarter closed by an administrator once its summary went out: its figures as they
    were at the close (every version, as JSON, with their SHA-256), and, once reopened,
    who reopened it, when and why. A quarter closed again gets a new row; the newest row of
    a quarter says whether it is closed now."""

    __tablename__ = "period_close"
    __table_args__ = (Index("ix_period_close_key", "period_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    period_key: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    closed_by: Mapped[str] = mapped_column(String(120), default="")
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    digest: Mapped[str] = mapped_column(String(64), default="")
    reopened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reopened_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reopened_by: Mapped[str] = mapped_column(String(120), default="")
    reopen_reason: Mapped[str] = mapped_column(String(300), default="")


class Attachment(Base):
    """A photo or scan kept with a person's records (revision 0008): the cow at the
    hand-over, the repaired house, the signed paper voucher. The bytes live here, in the
    encrypted database (and so in its backups), with their metadata already stripped; the
    person is always set, and at most one of the more precise targets."""

    __tablename__ = "attachment"
    __table_args__ = (
        CheckConstraint(_in("kind", ATTACHMENT_KINDS), name="kind"),
        CheckConstraint(_in("mime", ATTACHMENT_TYPES), name="mime"),
        Index("ix_attachment_beneficiary", "beneficiary_id"),
        Index("ix_attachment_disbursement", "disbursement_id"),
        Index("ix_attachment_receipt", "receipt_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    beneficiary_id: Mapped[int] = mapped_column(ForeignKey("beneficiary.id"))
    grant_id: Mapped[int | None] = mapped_column(ForeignKey("grant_plan.id"))
    disbursement_id: Mapped[int | None] = mapped_column(ForeignKey("disbursement.id"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    asset_id: Mapped[int | None] = mapped_column(ForeignKey("asset.id"))
    receipt_id: Mapped[int | None] = mapped_column(ForeignKey("receipt.id"))
    kind: Mapped[str] = mapped_column(String(16))
    mime: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(String(200), default="")
    caption: Mapped[str] = mapped_column(String(300), default="")
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    pages: Mapped[int | None] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes | None] = mapped_column(LargeBinary)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AuditEvent(Base):
    """Who changed what, with the values before and after, chained by hashes."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_entity", "entity", "entity_id"),
        # Ids are never reused, even after the newest events were removed.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ProvinceOffice(Base):
    """An office registered at a province-level office: its name and the fingerprint of
    the public key that signs its exports (the key itself is learnt from its first bundle,
    revision 0010)."""

    __tablename__ = "province_office"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    public_key: Mapped[str | None] = mapped_column(String(64))
    prefix: Mapped[str | None] = mapped_column(String(12))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ProvinceBundle(Base):
    """One office's export bundle taken in at the province: its period, its figures (the
    province version of the summary, no names) and, when a later bundle of the same
    office and period came, which one replaced it (revision 0010)."""

    __tablename__ = "province_bundle"
    __table_args__ = (Index("ix_province_bundle_office_period", "office_id", "period_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("province_office.id"))
    period_key: Mapped[str] = mapped_column(String(40))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    #: SHA-256 of the bundle's signed manifest: the same bundle twice is one bundle.
    manifest_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    app_version: Mapped[str] = mapped_column(String(40))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(60))
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("province_bundle.id"))
    replaced_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)

    office: Mapped[ProvinceOffice] = relationship()
