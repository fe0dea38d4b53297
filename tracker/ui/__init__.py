"""The desktop window (PySide6).

Widgets here call the services in ``tracker.services`` and show the plain objects they
return; no SQL and no SQLAlchemy import lives in this package. Slow work goes through
:mod:`tracker.ui.worker`; every user-visible string goes through Qt's translation system.
"""
