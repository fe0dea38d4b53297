"""The words and shapes every layer shares: the codes stored for roles, categories, statuses
and reasons (``vocab``), the ethnic code list (``ethnic``), and the plain data that crosses
from the services to the window and the report writers (``shapes``).

Standard library only: no database, no Qt, nothing of the app's other packages, so that
``tracker.ui``, ``tracker.services``, ``tracker.db`` and ``tracker.reports`` all import from
here and never from each other's rooms. The names of the codes, in Vietnamese and English,
live in ``tracker.i18n.labels``.
"""
