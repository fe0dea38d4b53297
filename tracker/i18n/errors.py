"""Typed errors a user can cause (raised by services, and by the database layer for a key
file refused or a busy database). Each carries a message key, the field it is about and
parameters; the text is rendered in the user's language when shown."""

from __future__ import annotations

from typing import Any

from tracker.i18n import field_label, get_language


class ServiceError(Exception):
    """Base of every error a user can cause; safe to show as is."""

    def __init__(self, key: str, field: str | None = None, **params: Any) -> None:
        self.key = key
        self.field = field
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        # The tables load on the first message (not when the window starts).
        from tracker.i18n.labels import LABELS
        from tracker.i18n.messages import ACTIONS, MESSAGES

        lang = lang or get_language()
        vi, en = MESSAGES[self.key]
        template = vi if lang == "vi" else en
        params = dict(self.params)
        params["field"] = field_label(self.field, lang) if self.field else ""
        if "status" in params:
            for group in ("grant_status", "asset_status", "visit_status"):
                pair = LABELS[group].get(str(params["status"]))
                if pair:
                    params["status"] = pair[0 if lang == "vi" else 1].lower()
                    break
        if "action" in params and params["action"] in ACTIONS:
            params["action"] = ACTIONS[params["action"]][0 if lang == "vi" else 1]
        text = template.format(**params)
        return text[2:] if text.startswith(": ") else text

    def __str__(self) -> str:
        return self.message()


class ValidationError(ServiceError):
    """Input that cannot be saved; ``field`` names the input to fix."""


class NotFoundError(ServiceError):
    def __init__(self, field: str, value: object) -> None:
        super().__init__("not_found", field, value=value)


class ConflictError(ValidationError):
    """A unique value (code, user name) is already taken."""


class EditConflict(ServiceError):
    """A save made from a version of a record that someone else changed since (on another
    PC): nothing was written. Names who changed it and when (from the audit trail), and
    carries the record as it is now (``theirs``) so that both versions can be shown."""

    def __init__(
        self,
        entity: str,
        ref: str,
        who: str,
        when: str,
        theirs: dict[str, Any] | None = None,
    ) -> None:
        self.entity = entity
        self.ref = ref
        self.who = who
        self.when = when
        self.theirs = dict(theirs or {})
        key = "edit_conflict" if who else "edit_conflict_unknown"
        super().__init__(key, None, who=who, when=when, what=ref)

    def message(self, lang: str | None = None) -> str:
        from tracker.i18n.messages import RECORD_WORDS

        lang = lang or get_language()
        vi, en = RECORD_WORDS.get(self.entity, RECORD_WORDS["record"])
        word = vi if lang == "vi" else en
        self.params["what"] = f"{word} {self.ref}".strip()
        return super().message(lang)


class PermissionDenied(ServiceError):
    def __init__(self, role: str, action: str) -> None:
        super().__init__("permission", None, role=role, action=action)


class LimitExceeded(ValidationError):
    """A hand-over above the plan or the budget, without an override reason."""


class DatabaseBusy(ServiceError):
    """Another user's transaction held the database longer than the bounded wait; nothing
    was changed by this one."""

    def __init__(self, seconds: int) -> None:
        super().__init__("database_busy", None, seconds=seconds)


class DatabaseDamaged(ServiceError):
    """A page of the database file failed its check when read (SQLCipher checks each page
    it decrypts): nothing was changed, and the newest good backup can be restored."""

    def __init__(self, detail: str) -> None:
        super().__init__("database_damaged", None, detail=detail)


class UnexpectedError(ServiceError):
    """Anything else that went wrong, told in words instead of a traceback."""

    def __init__(self, exc: BaseException) -> None:
        self.cause = exc
        first = (str(exc).strip().splitlines() or [""])[0][:160]
        detail = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
        super().__init__("unexpected_error", None, detail=detail)


class PossibleDuplicate(ServiceError):
    """The person may already be registered; saving again with ``allow_duplicate`` goes on."""

    def __init__(self, candidates: list[Any]) -> None:
        self.candidates = candidates
        names = ", ".join(f"{c.code} {c.full_name}" for c in candidates)
        super().__init__("possible_duplicate", None, names=names)
