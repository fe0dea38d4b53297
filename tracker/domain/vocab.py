"""The codes the database stores for each kind of choice, in the order lists show them.

The database checks its columns against these tuples; the window fills its choices from
them; ``tracker.i18n.labels`` names each code in Vietnamese and English (the group named in
``LABEL_GROUPS``).
"""

from __future__ import annotations

SEXES = ("F", "M", "X")
CATEGORIES = ("victim", "suspected_victim", "at_risk", "family_member")
BENEFICIARY_STATUSES = ("active", "closed", "moved", "deceased")
ROLES = ("admin", "officer", "accountant", "viewer")
OFFICE_KINDS = ("province", "district", "commune")
UNIT_LEVELS = ("province", "district", "commune")
CONSENT_KINDS = ("services", "donor_reporting", "province_sharing")
GRANT_KINDS = ("cash", "in_kind", "mixed")
GRANT_STATUSES = ("planned", "active", "completed", "cancelled")
PROJECT_STATUSES = ("active", "closed")
ASSET_KINDS = ("cow", "buffalo", "pig", "goat", "poultry", "loom", "other")
ASSET_STATUSES = ("alive", "calved", "sick", "died", "sold", "passed_on", "in_use", "unused")
ASSET_CLOSED_STATUSES = ("died", "sold", "passed_on")
#: The asset kinds that are animals (alive, sick, may give birth); the others are tools.
LIVESTOCK = ("cow", "buffalo", "pig", "goat", "poultry")
VISIT_STATUSES = ("scheduled", "done", "missed", "cancelled")
#: Why a visit found no one to talk to (status "missed").
MISSED_REASONS = ("not_home", "working_away", "moved_away", "declined", "unreachable", "other")
INCOME_BANDS = ("none", "low", "medium", "high")

#: Who a summary is for: the office itself, the donor, the province.
AUDIENCES = ("office", "donor", "province")
#: The consent kind that lets a person be counted in each version that leaves the office.
AUDIENCE_CONSENT = {"donor": "donor_reporting", "province": "province_sharing"}
#: Age bands of the summaries, at the period's end.
AGE_BANDS = ("u16", "16_17", "18_24", "25_34", "35p")
#: How a reporting period was chosen.
PERIOD_KINDS = ("quarter", "year", "6m", "9m", "range")

#: The group of ``tracker.i18n.labels.LABELS`` that names each tuple's codes.
LABEL_GROUPS: dict[str, tuple[str, ...]] = {
    "sex": SEXES,
    "category": CATEGORIES,
    "beneficiary_status": BENEFICIARY_STATUSES,
    "grant_status": GRANT_STATUSES,
    "visit_status": VISIT_STATUSES,
    "asset_status": ASSET_STATUSES,
    "asset_kind": ASSET_KINDS,
    "consent_kind": CONSENT_KINDS,
    "income_band": INCOME_BANDS,
    "missed_reason": MISSED_REASONS,
    "role": ROLES,
}

#: What a follow-up visit looks at, by the kind of support (a trip sheet prints them as
#: boxes to tick): animals, looms, school, money given (and anything else).
VISIT_CHECKS: dict[str, tuple[str, ...]] = {
    "livestock": ("alive", "calved", "sick", "shelter"),
    "loom": ("in_use", "products_sold"),
    "school": ("in_school",),
    "money": ("received", "safe"),
    "other": ("received", "in_use"),
}
#: Support types whose visit asks whether the person is still in school or training.
SCHOOL_TYPES = ("scholarship", "school_supplies", "vocational_training")


def visit_checks(type_code: str, kind: str, asset_kind: str | None) -> str:
    """The key of :data:`VISIT_CHECKS` for a support type (its code, kind: cash, in kind
    or mixed, and the kind of asset it hands over)."""
    if asset_kind in LIVESTOCK:
        return "livestock"
    if asset_kind == "loom":
        return "loom"
    if type_code in SCHOOL_TYPES:
        return "school"
    if kind == "cash":
        return "money"
    return "other"


#: Photos and scans kept with the records (inside the encrypted database, never exported).
ATTACHMENT_KINDS = ("photo", "scan", "signed_receipt")
#: What a file is attached to: the person, a grant, a hand-over, a visit, an animal or
#: loom, or a receipt.
ATTACHMENT_TARGETS = ("beneficiary", "grant", "disbursement", "visit", "asset", "receipt")
ATTACHMENT_TYPES = ("image/jpeg", "image/png", "application/pdf")
#: The shortest passphrase of a file encrypted to leave the office: an export's line list
#: and a PostgreSQL backup.
MIN_PASSPHRASE = 10
