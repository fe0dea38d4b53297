"""What the lists of the window share: finding people by typed words and sorting by a
column, both done by the query (so a list read a page at a time is sorted as a whole)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, or_

from tracker.db.models import Beneficiary
from tracker.i18n.text import fold


def like_word(word: str) -> str:
    """A LIKE pattern for a word anywhere (with ``escape="\\\\"``)."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching_people(q: Select, text: str, *more: Any) -> Select:  # type: ignore[type-arg]
    """Rows whose person's name, alias or code (or one of the ``more`` folded or lower-case
    columns) contains every typed word, with or without diacritics."""
    for word in fold(text or "").split():
        pattern = like_word(word)
        columns = [Beneficiary.search_key, *more]
        q = q.where(or_(*(c.like(pattern, escape="\\") for c in columns)))
    return q


def ordering(spec: Iterable[Any], descending: bool) -> list[Any]:
    """ORDER BY terms of a sort: each column ascending, or descending when given as
    ``(column, True)``; ``descending`` turns the whole order round."""
    terms = []
    for item in spec:
        column, reverse = item if isinstance(item, tuple) else (item, False)
        terms.append(column.desc() if reverse != descending else column.asc())
    return terms
