"""Who may already be registered: the rule behind the possible-duplicate warning.

A person typed in is compared with the people registered in the same commune (or, when no
commune is given, with the people without one) and with anyone holding the same ID number:

- ``same_name``: the same name without diacritics and case ("Đặng Thị Lần", "Dang thi lan"),
  whatever the birth year (a year is often guessed, and guessed again differently);
- ``close_name``: one letter apart ("Đặng Thị Lân" and "Đặng Thị Lần" differ by a diacritic
  only, which the folded name already merges; "Đặng Thị Lan" and "Đặng Thị Lam" by a letter);
- ``middle_name``: the same family and given name with a middle name missing or added
  ("Đặng Lần" and "Đặng Thị Lần");
- ``same_id``: the same ID number, wherever the person lives.

The warning never blocks: the officer looks at the candidates and decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.models import Beneficiary

#: The reasons, strongest first (the order the candidates are listed in).
REASONS = ("same_id", "same_name", "close_name", "middle_name")
#: At most this many candidates are shown.
MAX_CANDIDATES = 10


@dataclass(frozen=True)
class Candidate:
    """One registered person who may be the one typed in, and why."""

    id: int
    code: str
    full_name: str
    alias: str
    sex: str
    birth_year: int | None
    ethnicity_code: str
    commune_code: str | None
    village: str
    category: str
    status: str
    id_number: str | None
    reasons: tuple[str, ...]


def one_edit_apart(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with one letter changed, added or removed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def middle_name_missing(a: str, b: str) -> bool:
    """The same family and given name (first and last word), one name's middle words found in
    order within the other's, and one name longer: a middle name left out."""
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb) or min(len(wa), len(wb)) < 2:
        return False
    if len(wa) > len(wb):
        wa, wb = wb, wa
    if wa[0] != wb[0] or wa[-1] != wb[-1]:
        return False
    rest = iter(wb[1:-1])
    return all(word in rest for word in wa[1:-1])


def name_reason(typed: str, registered: str) -> str | None:
    """Why two folded names look like one person's, or None."""
    if typed == registered:
        return "same_name"
    if one_edit_apart(typed, registered):
        return "close_name"
    if middle_name_missing(typed, registered):
        return "middle_name"
    return None


def _candidate(b: Beneficiary, reasons: Iterable[str]) -> Candidate:
    return Candidate(
        b.id,
        b.code,
        b.full_name,
        b.alias,
        b.sex,
        b.birth_year,
        b.ethnicity_code,
        b.commune_code,
        b.village,
        b.category,
        b.status,
        b.id_number,
        tuple(r for r in REASONS if r in set(reasons)),
    )


def find(s: Session, values: dict[str, object], exclude_id: int | None) -> list[Candidate]:
    """The candidates for cleaned values (as ``beneficiaries.clean`` returns them)."""
    name_key = str(values["name_key"])
    commune = values["commune_code"]
    id_number = values["id_number"]
    near = select(Beneficiary).where(
        Beneficiary.commune_code.is_(None)
        if commune is None
        else Beneficiary.commune_code == commune
    )
    found: dict[int, tuple[Beneficiary, set[str]]] = {}
    for b in s.execute(near).scalars():
        reason = name_reason(name_key, b.name_key)
        if reason is not None:
            found.setdefault(b.id, (b, set()))[1].add(reason)
    if id_number:
        for b in s.execute(select(Beneficiary).where(Beneficiary.id_number == id_number)).scalars():
            found.setdefault(b.id, (b, set()))[1].add("same_id")
    if exclude_id is not None:
        found.pop(exclude_id, None)
    candidates = [_candidate(b, reasons) for b, reasons in found.values()]
    typed_year = values["birth_year"]

    def rank(c: Candidate) -> tuple[int, int, int]:
        strongest = REASONS.index(c.reasons[0])
        year_apart = (
            abs(c.birth_year - typed_year)
            if isinstance(typed_year, int) and c.birth_year is not None
            else 100
        )
        return strongest, year_apart, c.id

    return sorted(candidates, key=rank)[:MAX_CANDIDATES]
