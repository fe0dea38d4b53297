"""Records hand-overs in a loop and prints each committed id; a test kills it with SIGKILL.

Usage: python crash_writer.py DB_PATH USER PASSWORD GRANT_ID
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from tracker.config import DatabaseLocation
from tracker.services import auth, grants


def main() -> None:
    db_path, user, password, grant_id = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    ws = auth.sign_in(DatabaseLocation(path=Path(db_path)), user, password)
    print("ready", flush=True)
    while True:
        h = grants.record_handover(
            ws.db,
            ws.actor,
            grants.HandoverInput(grant_id, date(2025, 6, 1), amount=100_000),
            today=date(2025, 6, 15),
        )
        print(f"{h.id} {h.receipt_number}", flush=True)


if __name__ == "__main__":
    main()
