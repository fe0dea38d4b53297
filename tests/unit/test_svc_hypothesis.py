"""Random text, dates and numbers fed to the validators and to registration: the only
exceptions allowed are the typed ones, and whatever is accepted is clean."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tracker.db.engine import Database
from tracker.db.models import Beneficiary
from tracker.domain.vocab import CATEGORIES, SEXES
from tracker.i18n.text import fold, has_control_chars
from tracker.services import beneficiaries as ben
from tracker.services import grant_types, visits
from tracker.services import validate as v
from tracker.services.errors import PossibleDuplicate, ValidationError

from ..conftest import TODAY, setup_office

FAST = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    database=None,
)
SLOW = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)

NAMES = ["Đặng Thị Hồng Nhung", "Vàng Thị Mỷ", "Giàng A Páo", "Lò Thị Ẻng", "Nguyễn Ánh"]
CONTROL = [chr(c) for c in (*range(0, 32), 0x7F)]
EMOJI = ["😀", "👩\u200d👧", "🐄", "\ufe0f", "🇻🇳", "\u200b", "\u202e"]


def _nfd(value: str) -> str:
    return unicodedata.normalize("NFD", value)


texts = st.one_of(
    st.text(),
    st.text().map(_nfd),
    st.sampled_from(NAMES).map(_nfd),
    st.lists(st.sampled_from([*NAMES, "  ", "\t", "\n", "\u3000", "\xa0"])).map("".join),
    st.text(alphabet=st.sampled_from([*CONTROL, "a", "Đ", "ặ", " "])),
    st.lists(st.sampled_from([*EMOJI, "a", " ", "ồ"])).map("".join),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=4), st.integers(1, 30_000)),
)
numbers = st.one_of(
    st.integers(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, -1, v.MAX_AMOUNT, v.MAX_AMOUNT + 1, v.MAX_QUANTITY + 1]),
)
# datetime is a subclass of date; it is kept out here and tested on its own below.
plain_dates = st.dates()
anything = st.one_of(
    st.none(),
    st.booleans(),
    numbers,
    st.floats(),
    texts,
    plain_dates,
    st.lists(st.integers(), max_size=3),
)


def _check_error(err: ValidationError, field: str) -> None:
    assert err.field == field
    # The message renders in both languages without a formatting error.
    assert err.message("vi")
    assert err.message("en")


def _clean_text(result: str) -> None:
    assert isinstance(result, str)
    assert unicodedata.is_normalized("NFC", result)
    assert result == result.strip()
    assert not re.search(r"\s\s", result)
    assert not has_control_chars(result)


# --- validate.text / multiline / code / choice --------------------------------------------


@FAST
@given(value=anything, max_len=st.integers(0, 300), required=st.booleans())
def test_text(value: object, max_len: int, required: bool) -> None:
    try:
        result = v.text(value, "full_name", max_len=max_len, required=required)
    except ValidationError as err:
        _check_error(err, "full_name")
        assert err.key in {"required", "choice", "control_chars", "too_long"}
        return
    _clean_text(result)
    assert len(result) <= max_len
    assert result or not required
    assert v.text(result, "full_name", max_len=max_len, required=required) == result


@FAST
@given(value=anything, max_len=st.integers(0, 5000))
def test_multiline(value: object, max_len: int) -> None:
    try:
        result = v.multiline(value, "notes", max_len=max_len)
    except ValidationError as err:
        _check_error(err, "notes")
        assert err.key in {"choice", "control_chars", "too_long"}
        return
    assert isinstance(result, str)
    assert unicodedata.is_normalized("NFC", result)
    assert "\r\n" not in result
    assert len(result) <= max_len
    assert not has_control_chars(result)


@FAST
@given(value=st.one_of(anything, st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,25}", fullmatch=True)))
def test_code(value: object) -> None:
    try:
        result = v.code(value, "code")
    except ValidationError as err:
        _check_error(err, "code")
        return
    assert re.fullmatch(r"[A-Z0-9][A-Z0-9_-]*", result)
    assert len(result) <= 20


@FAST
@given(value=anything)
def test_choice(value: object) -> None:
    try:
        result = v.choice(value, "sex", SEXES)
    except ValidationError as err:
        _check_error(err, "sex")
        assert err.key == "choice"
        return
    assert result in SEXES


# --- numbers -----------------------------------------------------------------------------


@FAST
@given(value=anything, allow_zero=st.booleans())
def test_integer_amount_quantity(value: object, allow_zero: bool) -> None:
    try:
        number = v.integer(value, "amount")
    except ValidationError as err:
        _check_error(err, "amount")
        assert not isinstance(value, int) or isinstance(value, bool)
    else:
        assert type(number) is int
    try:
        amount = v.amount(value, "amount", allow_zero=allow_zero)
    except ValidationError as err:
        _check_error(err, "amount")
    else:
        assert type(amount) is int
        assert (0 if allow_zero else 1) <= amount <= v.MAX_AMOUNT
    try:
        qty = v.quantity(value, "quantity")
    except ValidationError as err:
        _check_error(err, "quantity")
    else:
        assert type(qty) is int
        assert 1 <= qty <= v.MAX_QUANTITY


@FAST
@given(months=st.one_of(anything, st.lists(st.one_of(numbers, st.floats(), st.booleans()))))
def test_check_months(months: object) -> None:
    try:
        result = grant_types.check_months(months)
    except ValidationError as err:
        _check_error(err, "followup_months")
        return
    assert result == sorted(set(result))
    assert all(type(m) is int and 1 <= m <= 120 for m in result)


@FAST
@given(start=st.dates(max_value=date(9000, 1, 1)), months=st.integers(0, 1200))
def test_add_months(start: date, months: int) -> None:
    result = visits.add_months(start, months)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    assert result.day <= start.day
    if result.day < start.day:  # clamped to the last day of that month
        assert (result + timedelta(days=1)).day == 1


# --- dates -------------------------------------------------------------------------------


@FAST
@given(
    value=anything,
    today=plain_dates,
    not_future=st.booleans(),
    not_before=st.none() | plain_dates,
    not_after=st.none() | plain_dates,
)
def test_a_date(
    value: object,
    today: date,
    not_future: bool,
    not_before: date | None,
    not_after: date | None,
) -> None:
    try:
        result = v.a_date(
            value,
            "done_on",
            today=today,
            not_future=not_future,
            not_before=not_before,
            not_after=not_after,
        )
    except ValidationError as err:
        _check_error(err, "done_on")
        assert err.key in {"not_a_date", "date_future", "date_before", "date_after"}
        return
    assert isinstance(result, date)
    assert not not_future or result <= today
    assert not_before is None or result >= not_before
    assert not_after is None or result <= not_after


def test_a_date_with_datetime_value() -> None:
    try:
        v.a_date(datetime(2025, 1, 1, 8, 30), "birth_date", today=TODAY, not_future=True)
    except ValidationError as err:
        assert err.field == "birth_date"


# --- beneficiaries.clean -----------------------------------------------------------------


inputs = st.builds(
    ben.BeneficiaryInput,
    full_name=texts,
    sex=st.one_of(st.sampled_from(SEXES), anything),
    category=st.one_of(st.sampled_from(CATEGORIES), anything),
    ethnicity_code=st.one_of(st.sampled_from(["01", "08", "54", "99"]), anything),
    birth_date=st.one_of(st.none(), plain_dates, anything),
    birth_year=st.one_of(st.none(), st.integers(1850, 2100), anything),
    alias=texts,
    code=st.one_of(st.none(), st.just(""), texts),
    id_number=st.one_of(st.none(), st.from_regex(r"[0-9]{9}|[0-9]{12}", fullmatch=True), texts),
    phone=st.one_of(st.just(""), st.from_regex(r"\+?[0-9 .]{6,20}", fullmatch=True), texts),
    province_code=st.one_of(st.none(), st.just("02"), texts),
    commune_code=st.one_of(st.none(), st.just("00769"), texts),
    village=texts,
    address_text=texts,
    status=st.one_of(st.just("active"), anything),
    registered_on=st.one_of(st.none(), plain_dates),
    notes=texts,
)

printable = st.characters(blacklist_categories=("Cc", "Cs"))
names = st.one_of(
    st.text(alphabet=printable, min_size=1, max_size=150),
    st.text(alphabet=printable, min_size=1, max_size=60).map(_nfd),
    st.sampled_from(NAMES).map(_nfd),
    st.sampled_from(NAMES).map(str.upper),
    st.lists(st.sampled_from([*NAMES, "  ", "\t", "\n", "\u3000", "\xa0"]), max_size=4).map(
        "".join
    ),
    st.lists(st.sampled_from([*EMOJI, "a", " ", "ồ"]), min_size=1, max_size=40).map("".join),
    texts,
)


@st.composite
def births(draw: st.DrawFn) -> tuple[object, object]:
    """Mostly a consistent birth date and / or year; sometimes anything at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.one_of(st.none(), st.dates())), draw(st.one_of(st.none(), numbers))
    born = draw(st.dates(date(1900, 1, 1), TODAY))
    kind = draw(st.sampled_from(["date", "year", "both"]))
    return (
        born if kind != "year" else None,
        born.year if kind != "date" else None,
    )


@st.composite
def people(draw: st.DrawFn) -> ben.BeneficiaryInput:
    """Mostly valid people with random names, dates and numbers: they reach the database."""
    birth_date, birth_year = draw(births())
    return ben.BeneficiaryInput(
        full_name=draw(names),
        sex=draw(st.sampled_from(SEXES)),
        category=draw(st.sampled_from(CATEGORIES)),
        ethnicity_code=draw(st.sampled_from(["01", "08", "54", "99"])),
        birth_date=birth_date,  # type: ignore[arg-type]
        birth_year=birth_year,  # type: ignore[arg-type]
        alias=draw(st.one_of(st.just(""), st.sampled_from(NAMES).map(_nfd), names)),
        id_number=draw(st.one_of(st.none(), st.from_regex(r"[0-9]{9}", fullmatch=True))),
        commune_code=draw(st.sampled_from([None, "00769", "00772"])),
        village=draw(st.one_of(st.just(""), st.text(alphabet=printable, max_size=120))),
        notes=draw(st.one_of(st.just(""), st.text(alphabet=printable), texts)),
    )


@FAST
@given(data=st.one_of(inputs, people()), today=st.one_of(st.just(TODAY), plain_dates))
def test_clean(data: ben.BeneficiaryInput, today: date) -> None:
    try:
        values = ben.clean(data, today)
    except ValidationError as err:
        assert err.field
        assert err.message("vi") and err.message("en")
        return
    name = values["full_name"]
    assert isinstance(name, str) and name
    _clean_text(name)
    assert len(name) <= 120
    assert values["name_key"] == fold(name)
    assert isinstance(values["birth_year"], int)
    assert 1900 <= values["birth_year"] <= today.year
    assert values["registered_on"] <= today  # type: ignore[operator]


def test_register_random_people(sqlite_db: Database) -> None:
    actors = setup_office(sqlite_db)
    outcomes: Counter[str] = Counter()

    @SLOW
    @given(data=people(), allow_duplicate=st.booleans())
    def run(data: ben.BeneficiaryInput, allow_duplicate: bool) -> None:
        try:
            view = ben.register(
                sqlite_db, actors["officer"], data, allow_duplicate=allow_duplicate, today=TODAY
            )
        except PossibleDuplicate as err:
            outcomes["duplicate"] += 1
            assert not allow_duplicate
            assert err.candidates
            return
        except ValidationError as err:
            outcomes["refused"] += 1
            assert err.field
            return
        outcomes["saved"] += 1
        with sqlite_db.read() as s:
            row = s.execute(select(Beneficiary).where(Beneficiary.id == view.id)).scalar_one()
            stored_name, stored_alias = row.full_name, row.alias
        assert stored_name == view.full_name
        assert stored_name.strip()
        _clean_text(stored_name)
        assert unicodedata.is_normalized("NFC", stored_alias)
        assert stored_name == _collapse(unicodedata.normalize("NFC", data.full_name))
        # Whatever was saved can be found again by typing its name.
        found = ben.search(sqlite_db, actors["viewer"], stored_name, limit=10_000)
        assert view.id in [r.id for r in found]

    run()
    # The strategy is meant to reach the database, not only the validators.
    assert outcomes["saved"] >= 15, outcomes


def _collapse(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()
