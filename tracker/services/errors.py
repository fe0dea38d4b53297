"""Typed errors raised by services (defined in ``tracker.i18n.errors``, where the database
layer can raise them too: a key file refused, a busy or damaged database)."""

from tracker.i18n.errors import (
    ConflictError,
    DatabaseBusy,
    DatabaseDamaged,
    EditConflict,
    LimitExceeded,
    NotFoundError,
    PermissionDenied,
    PossibleDuplicate,
    ServiceError,
    UnexpectedError,
    ValidationError,
)

__all__ = [
    "ConflictError",
    "DatabaseBusy",
    "DatabaseDamaged",
    "EditConflict",
    "LimitExceeded",
    "NotFoundError",
    "PermissionDenied",
    "PossibleDuplicate",
    "ServiceError",
    "UnexpectedError",
    "ValidationError",
]
