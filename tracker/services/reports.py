"""The quarterly (or any period's) summary and the line list, as one import for the window,
the command line and the exports.

The work is done in three modules: ``periods`` (what a user typed -> a period), ``figures``
(the counts, computed by the database) and ``line_list`` (the names, for an administrator).
The data they return is declared in ``tracker.domain.shapes``, where the report writers
read it from.
"""

from __future__ import annotations

from tracker.domain.shapes import (
    Amounts,
    AssetFigures,
    LineListRow,
    PeopleCell,
    PeopleCount,
    PeopleFigures,
    Period,
    ProjectRow,
    ReceiptFigures,
    SignOff,
    Summary,
    SupportCell,
    SupportRow,
    VisitFigures,
)
from tracker.domain.vocab import AGE_BANDS, AUDIENCE_CONSENT, AUDIENCES, PERIOD_KINDS
from tracker.services.closing import report_summary
from tracker.services.figures import (
    ASSET_COLUMNS,
    PLACES,
    SMALL_CELL,
    age_band,
    check_audience,
    check_places,
    check_range,
    commune_names,
    period_summary,
    summary,
    withdrawn_ids,
    years_before,
)
from tracker.services.line_list import line_list
from tracker.services.periods import (
    date_range,
    default_period,
    first_months,
    parse_period,
    quarter,
    quarter_of,
    whole_year,
)

__all__ = [
    "AGE_BANDS",
    "ASSET_COLUMNS",
    "AUDIENCES",
    "AUDIENCE_CONSENT",
    "PERIOD_KINDS",
    "PLACES",
    "SMALL_CELL",
    "Amounts",
    "AssetFigures",
    "LineListRow",
    "PeopleCell",
    "PeopleCount",
    "PeopleFigures",
    "Period",
    "ProjectRow",
    "ReceiptFigures",
    "SignOff",
    "Summary",
    "SupportCell",
    "SupportRow",
    "VisitFigures",
    "age_band",
    "check_audience",
    "check_places",
    "check_range",
    "commune_names",
    "date_range",
    "default_period",
    "first_months",
    "line_list",
    "parse_period",
    "period_summary",
    "quarter",
    "quarter_of",
    "report_summary",
    "summary",
    "whole_year",
    "withdrawn_ids",
    "years_before",
]
