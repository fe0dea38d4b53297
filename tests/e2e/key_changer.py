"""Gives the database a new key again and again; a test kills it with SIGKILL at random
moments (tests/e2e/test_key_change_crash.py).

Usage: python key_changer.py DB_PATH USER PASSWORD
Prints "ready" once signed in, then "go" before each change and "done N" after it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tracker.config import DatabaseLocation
from tracker.services import auth


def main() -> None:
    db_path, user, password = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    ws = auth.sign_in(DatabaseLocation(path=db_path), user, password)
    print("ready", flush=True)
    while True:
        print("go", flush=True)
        change = auth.change_key(ws, "test")
        print(f"done {change.generation}", flush=True)


if __name__ == "__main__":
    main()
