"""Tries passwords for one user name against an encrypted database, as one of several
guessing processes started together (tests/attacks.py ``parallel_guesses``).

Usage: python guesser.py DB_PATH USER PASSWORD [PASSWORD...]
Prints "ready", waits for a line on stdin, then prints the answer to every try: the
message key of the refusal ("sign_in_failed", "wrong_password", "locked"...) or "ok".
"""

from __future__ import annotations

import sys
from pathlib import Path

from tracker.config import DatabaseLocation
from tracker.services import auth
from tracker.services.errors import ServiceError


def main() -> None:
    db_path, user, passwords = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
    location = DatabaseLocation(path=db_path)
    print("ready", flush=True)
    sys.stdin.readline()
    for password in passwords:
        try:
            auth.unlock(location, user, password)
        except ServiceError as exc:
            print(exc.key, flush=True)
        else:
            print("ok", flush=True)


if __name__ == "__main__":
    main()
