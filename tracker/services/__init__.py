"""One module per area of the work (beneficiaries, grants, visits, receipts, reports, users,
backups, ...). Each public function is one user action in one transaction: it takes the
database and the acting user (``context.Actor``), checks the user's role, validates the
input, writes the audit trail and returns plain data (``tracker.domain.shapes`` or the
module's own view dataclasses). The window and the command line call these; nothing here
imports Qt."""
