"""project totals: what each project has planned and handed over is kept beside it, in step
with every grant, hand-over and correction through triggers in the writing transaction, so
that a budget is read in one row instead of being added up from a million hand-overs

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "project_total"

#: What a grant counts towards its project's plan (a cancelled grant counts nothing).
_PLANNED = "CASE WHEN {row}.status <> 'cancelled' THEN {row}.planned_total ELSE 0 END"
#: What a grant has handed over, corrections included.
_GRANT_SPENT = (
    "(SELECT COALESCE(SUM(d.amount), 0) FROM disbursement d WHERE d.grant_id = {row}.id)"
    " + (SELECT COALESCE(SUM(a.amount), 0) FROM handover_adjustment a"
    " JOIN disbursement d ON d.id = a.disbursement_id WHERE d.grant_id = {row}.id)"
)
_PROJECT_OF_GRANT = "(SELECT g.project_id FROM grant_plan g WHERE g.id = {grant})"
_PROJECT_OF_HANDOVER = (
    "(SELECT g.project_id FROM grant_plan g JOIN disbursement d ON d.grant_id = g.id"
    " WHERE d.id = {handover})"
)


def _add(column: str, amount: str, project: str, sign: str = "+", when: str = "") -> str:
    where = f"project_id = {project}" + (f" AND {when}" if when else "")
    return f"UPDATE {TABLE} SET {column} = {column} {sign} ({amount}) WHERE {where};"


def _sub(column: str, amount: str, project: str, when: str = "") -> str:
    return _add(column, amount, project, "-", when)


_MOVED = "old.project_id <> new.project_id"


#: name -> (event, table, statements); ``new`` and ``old`` as both dialects spell them.
TRIGGERS: dict[str, tuple[str, str, list[str]]] = {
    "project_total_project_insert": (
        "INSERT",
        "project",
        [f"INSERT INTO {TABLE} (project_id, planned, spent) VALUES (new.id, 0, 0);"],
    ),
    "project_total_grant_insert": (
        "INSERT",
        "grant_plan",
        [_add("planned", _PLANNED.format(row="new"), "new.project_id")],
    ),
    "project_total_grant_update": (
        "UPDATE",
        "grant_plan",
        [
            _sub("planned", _PLANNED.format(row="old"), "old.project_id"),
            _add("planned", _PLANNED.format(row="new"), "new.project_id"),
            # A grant moved to another project takes its hand-overs with it.
            _sub("spent", _GRANT_SPENT.format(row="old"), "old.project_id", when=_MOVED),
            _add("spent", _GRANT_SPENT.format(row="new"), "new.project_id", when=_MOVED),
        ],
    ),
    "project_total_grant_delete": (
        "DELETE",
        "grant_plan",
        [_sub("planned", _PLANNED.format(row="old"), "old.project_id")],
    ),
    "project_total_handover_insert": (
        "INSERT",
        "disbursement",
        [_add("spent", "new.amount", _PROJECT_OF_GRANT.format(grant="new.grant_id"))],
    ),
    "project_total_handover_update": (
        "UPDATE",
        "disbursement",
        [
            _sub("spent", "old.amount", _PROJECT_OF_GRANT.format(grant="old.grant_id")),
            _add("spent", "new.amount", _PROJECT_OF_GRANT.format(grant="new.grant_id")),
        ],
    ),
    "project_total_handover_delete": (
        "DELETE",
        "disbursement",
        [_sub("spent", "old.amount", _PROJECT_OF_GRANT.format(grant="old.grant_id"))],
    ),
    "project_total_adjustment_insert": (
        "INSERT",
        "handover_adjustment",
        [_add("spent", "new.amount", _PROJECT_OF_HANDOVER.format(handover="new.disbursement_id"))],
    ),
    "project_total_adjustment_update": (
        "UPDATE",
        "handover_adjustment",
        [
            _sub(
                "spent", "old.amount", _PROJECT_OF_HANDOVER.format(handover="old.disbursement_id")
            ),
            _add(
                "spent", "new.amount", _PROJECT_OF_HANDOVER.format(handover="new.disbursement_id")
            ),
        ],
    ),
    "project_total_adjustment_delete": (
        "DELETE",
        "handover_adjustment",
        [_sub("spent", "old.amount", _PROJECT_OF_HANDOVER.format(handover="old.disbursement_id"))],
    ),
}

#: Only the columns a total depends on wake an update trigger.
UPDATE_OF = {
    "grant_plan": "planned_total, status, project_id",
    "disbursement": "amount, grant_id",
    "handover_adjustment": "amount, disbursement_id",
}

FILL = (
    f"INSERT INTO {TABLE} (project_id, planned, spent) SELECT p.id,"
    " (SELECT COALESCE(SUM(g.planned_total), 0) FROM grant_plan g"
    "  WHERE g.project_id = p.id AND g.status <> 'cancelled'),"
    " (SELECT COALESCE(SUM(d.amount), 0) FROM disbursement d"
    "  JOIN grant_plan g ON g.id = d.grant_id WHERE g.project_id = p.id)"
    " + (SELECT COALESCE(SUM(a.amount), 0) FROM handover_adjustment a"
    "  JOIN disbursement d ON d.id = a.disbursement_id"
    "  JOIN grant_plan g ON g.id = d.grant_id WHERE g.project_id = p.id)"
    " FROM project p"
)


def _sqlite_trigger(name: str, event: str, table: str, body: list[str]) -> str:
    of = f" OF {UPDATE_OF[table]}" if event == "UPDATE" else ""
    return f"CREATE TRIGGER {name} AFTER {event}{of} ON {table} BEGIN {' '.join(body)} END"


def _postgres_trigger(name: str, event: str, table: str, body: list[str]) -> list[str]:
    of = f" OF {UPDATE_OF[table]}" if event == "UPDATE" else ""
    return [
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {' '.join(body)} RETURN NULL; END $$",
        f"CREATE TRIGGER {name} AFTER {event}{of} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {name}()",
    ]


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column(
            "project_id",
            sa.Integer(),
            sa.ForeignKey("project.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("planned", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("spent", sa.BigInteger(), nullable=False, server_default="0"),
    )
    op.execute(FILL)
    postgres = op.get_bind().dialect.name == "postgresql"
    for name, (event, table, body) in TRIGGERS.items():
        if postgres:
            for statement in _postgres_trigger(name, event, table, body):
                op.execute(statement)
        else:
            op.execute(_sqlite_trigger(name, event, table, body))


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for name, (_event, table, _body) in TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if postgres else ""))
        if postgres:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.drop_table(TABLE)
