"""The shared vocabulary: every code has a name in both languages, the database checks the
same codes, and the module stands alone (no database, no Qt, nothing of the app's layers)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tracker.db import models
from tracker.domain import vocab
from tracker.i18n.labels import LABELS, label


@pytest.mark.parametrize("group", sorted(vocab.LABEL_GROUPS))
def test_every_code_has_a_name_in_both_languages(group: str) -> None:
    codes = vocab.LABEL_GROUPS[group]
    assert set(LABELS[group]) == set(codes)
    for code in codes:
        vi, en = label(group, code, "vi"), label(group, code, "en")
        assert vi and en and vi != code and en != code


def test_the_database_checks_the_shared_codes() -> None:
    checks = {
        (t.name, str(c.sqltext))
        for t in models.Base.metadata.tables.values()
        for c in t.constraints
        if hasattr(c, "sqltext")
    }
    role_check = next(text for table, text in checks if table == "app_user" and "role" in text)
    assert all(f"'{r}'" in role_check for r in vocab.ROLES)
    assert models.SEXES is vocab.SEXES  # one tuple, not a copy


def test_the_shared_module_imports_nothing_of_the_app() -> None:
    code = (
        "import sys; import tracker.domain.vocab, tracker.domain.shapes, tracker.domain.ethnic;"
        "bad = sorted(m for m in sys.modules if m.startswith(('tracker.', 'sqlalchemy', "
        "'PySide6')) and not m.startswith('tracker.domain'));"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
