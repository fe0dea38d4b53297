"""What the torture run's fuzzing found, kept as plain tests: a text no database can store
(a lone surrogate) is refused with the field named, never a traceback."""

from __future__ import annotations

import pytest

from tracker.db.engine import Database
from tracker.services import beneficiaries as ben
from tracker.services.context import Actor
from tracker.services.errors import ValidationError

from ..conftest import TODAY


@pytest.mark.parametrize("field", ["full_name", "alias", "address_text", "notes"])
def test_a_lone_surrogate_is_refused_with_its_field(
    db: Database, actors: dict[str, Actor], field: str
) -> None:
    values: dict[str, object] = dict(
        full_name="Hờ Thị Pà", sex="F", category="victim", ethnicity_code="08", birth_year=1998
    )
    values[field] = "Pà \ud800"
    with pytest.raises(ValidationError) as err:
        ben.register(
            db,
            actors["officer"],
            ben.BeneficiaryInput(**values),  # type: ignore[arg-type]
            today=TODAY,
        )
    assert err.value.field is not None
    assert ben.count(db, actors["officer"]) == 0
