"""Entry point of both programs of the PyInstaller bundle.

``GrantTracker`` (no console on Windows) and ``tracker`` (console) run this same script:
without arguments it opens the window, with a command it runs the command line, and
``--self-test`` checks the installation (see ``tracker.cli.main``).
"""

import sys

from tracker.cli import main

if __name__ == "__main__":
    sys.exit(main())
