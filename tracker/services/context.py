"""Who is acting, and what each role may do. Every service checks the caller itself."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.db.engine import Database as Database  # the handle every service is given
from tracker.domain.vocab import ROLES
from tracker.services.errors import PermissionDenied

ALL_ROLES = frozenset(ROLES)

PERMISSIONS: dict[str, frozenset[str]] = {
    "office.setup": frozenset({"admin"}),
    "user.manage": frozenset({"admin"}),
    # At a province-level office: taking in the offices' export bundles.
    "consolidate.write": frozenset({"admin", "officer"}),
    "read": ALL_ROLES,
    # Full names in lists and searches (a viewer sees codes and aliases); audited.
    "names.read": frozenset({"admin", "officer", "accountant"}),
    "beneficiary.write": frozenset({"admin", "officer"}),
    "consent.write": frozenset({"admin", "officer"}),
    "project.write": frozenset({"admin"}),
    "grant_type.write": frozenset({"admin"}),
    "grant.write": frozenset({"admin", "officer"}),
    "handover.write": frozenset({"admin", "accountant"}),
    "visit.write": frozenset({"admin", "officer"}),
    # A trip sheet: the visits to make in some villages, printed to take along.
    "trip.print": frozenset({"admin", "officer"}),
    # An animal or a thing passed on from one family to another (field work).
    "pass_on.write": frozenset({"admin", "officer"}),
    "receipt.write": frozenset({"admin", "accountant"}),
    # Closing a quarter once its summary went out, and reopening it (with a reason).
    "period.close": frozenset({"admin"}),
    # Photos and scans: faces and papers, seen by those who see names; added by staff who
    # write (officers at visits, accountants the signed vouchers); removed by who added
    # them, or an administrator ("attachment.remove" is anyone's file).
    "attachment.read": frozenset({"admin", "officer", "accountant"}),
    "attachment.write": frozenset({"admin", "officer", "accountant"}),
    "attachment.remove": frozenset({"admin"}),
    # The backups the app takes by itself (daily, when the window closes) into its folder.
    "backup.auto": ALL_ROLES,
    # A backup asked for (into the app's folder or onto a USB stick): staff who write.
    "backup.write": frozenset({"admin", "officer", "accountant"}),
    # Putting a backup in place of the database.
    "backup.restore": frozenset({"admin"}),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service runs."""

    user_id: int | None
    username: str
    role: str
    full_name: str = ""

    def can(self, action: str) -> bool:
        return self.role in PERMISSIONS[action]

    def require(self, action: str) -> None:
        if not self.can(action):
            raise PermissionDenied(self.role, action)


#: Who acts when the recovery key restores a backup (the database cannot be opened).
RECOVERY_KEY = Actor(user_id=None, username="recovery-key", role="admin", full_name="Recovery key")

# Used only to set up a brand-new database (first office, seeded types) and by migrations.
SYSTEM = Actor(user_id=None, username="system", role="admin", full_name="System")
