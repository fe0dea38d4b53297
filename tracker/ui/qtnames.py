"""Qt's namespace of names (``Qt.AlignmentFlag``, ``Qt.Key``…), made at its first use.

PySide makes the Python enums of the whole ``Qt`` namespace (143 enums, 1,454 names) the
first time a module takes ``Qt`` from ``PySide6.QtCore``: 25 to 45 ms, a sixth of the time
from starting the program to its painted sign-in dialog. The modules that dialog needs
take ``Qt`` from here instead, so that it is made once the dialog has painted
(:func:`make`, called while the user types), or at its first real use before that.

A widget of the sign-in dialog that needs a flag before its first paint gets it by its
name through Qt's property system (:func:`set_flags`), which does not make the namespace.
``tests/ui/test_startup.py`` checks that the dialog paints before it is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject


class _Namespace:
    """Stands for ``PySide6.QtCore.Qt``: each attribute is read from the real namespace,
    which the first read makes."""

    def __getattr__(self, name: str) -> Any:
        from PySide6.QtCore import Qt as made

        return getattr(made, name)


if TYPE_CHECKING:
    from PySide6.QtCore import Qt as Qt
else:
    Qt = _Namespace()


def make() -> None:
    """Make the namespace now (on the UI thread: a background thread that imports the
    window's modules then finds it made, and no two threads make it at once)."""
    from PySide6.QtCore import Qt as made

    made.AlignmentFlag  # noqa: B018 (the read that makes it)


def set_flags(obj: QObject, prop: str, names: str) -> None:
    """Set the enum or flags property ``prop`` of ``obj`` by the names of its values
    (``"AlignRight|AlignVCenter"``), without making the namespace."""
    if not obj.setProperty(prop, names):
        raise ValueError(f"{type(obj).__name__} has no property {prop!r} that takes {names!r}")
