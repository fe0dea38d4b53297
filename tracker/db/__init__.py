"""Models, the engine factory, sessions and migrations."""

from tracker.db.engine import Database, make_engine
from tracker.db.migrate import NewerDatabaseError, upgrade

__all__ = ["Database", "NewerDatabaseError", "make_engine", "upgrade"]
