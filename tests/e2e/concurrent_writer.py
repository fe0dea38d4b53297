"""Records N hand-overs as fast as it can; two of these run at once in a test.

Usage: python concurrent_writer.py (--path FILE | --url URL) GRANT_ID N
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from tracker.config import DatabaseLocation
from tracker.db import Database
from tracker.services import grants, office


def main() -> None:
    kind, where, grant_id, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    loc = DatabaseLocation(path=Path(where)) if kind == "--path" else DatabaseLocation(url=where)
    db = Database(loc)
    actor = office.actor_for(db, "mai")
    print("ready", flush=True)
    sys.stdin.readline()  # both start together
    for _ in range(n):
        grants.record_handover(
            db,
            actor,
            grants.HandoverInput(grant_id, date(2025, 6, 1), amount=10_000),
            today=date(2025, 6, 15),
        )
    db.dispose()


if __name__ == "__main__":
    main()
