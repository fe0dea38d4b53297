"""``python -m tracker``: the window; ``python -m tracker COMMAND``: the command line."""

import sys

from tracker.cli import main

if __name__ == "__main__":
    sys.exit(main())
