"""Several PCs on one PostgreSQL database: the SQL that gives each PC (or each person) a
login role with only the rights the app needs, and makes the audit trail insert-only.

Run as the database's owner, after ``tracker db upgrade`` has created the schema with the
owner's URL; the PCs then use their own roles. The audit table is refused UPDATE, DELETE
and TRUNCATE twice: the app's roles are not granted them, and a trigger refuses them to
every role but a superuser that disables it on purpose. The app itself only ever inserts
audit events (its chain head is kept in ``app_meta``, not in the audit table).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping, Sequence

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

#: The group role that holds the app's rights; the login roles are its members.
APP_ROLE = "tracker_app"
AUDIT_TABLE = "audit_event"
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def check_role_name(name: str) -> str:
    if not _NAME.match(name):
        raise ValueError(f"not a role name: {name!r} (lower-case letters, digits and _)")
    return name


def new_password() -> str:
    return secrets.token_urlsafe(24)


def setup_sql(
    database: str,
    logins: Sequence[str],
    passwords: Mapping[str, str] | None = None,
    *,
    app_role: str = APP_ROLE,
) -> str:
    """The SQL script: the group role and its grants, one login role per name in
    ``logins`` (with the given password, or a new random one printed in the script), and
    the trigger that keeps the audit trail insert-only."""
    check_role_name(app_role)
    if not re.match(r"^[A-Za-z0-9_\-]{1,63}$", database):
        raise ValueError(f"not a database name: {database!r}")
    pw = dict(passwords or {})
    lines = [
        f"-- Grant Tracker on PostgreSQL: roles for the office's PCs (database {database}).",
        "-- Run as the database owner, after `tracker db upgrade --db-url OWNER_URL`.",
        "-- Each PC then uses its own role in the URL, with TLS:",
        f"--   postgresql+psycopg://ROLE:PASSWORD@SERVER:5432/{database}?sslmode=verify-full"
        "&sslrootcert=/path/to/office-ca.crt",
        "-- On the server, postgresql.conf: ssl = on, ssl_cert_file, ssl_key_file;",
        "-- pg_hba.conf: only TLS from the office network, e.g.",
        f"--   hostssl {database} +{app_role} 192.168.1.0/24 scram-sha-256",
        "BEGIN;",
        f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC;',
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC;",
        "DO $$ BEGIN",
        f"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{app_role}') THEN",
        f"    CREATE ROLE {app_role} NOLOGIN;",
        "  END IF;",
        "END $$;",
        f'GRANT CONNECT ON DATABASE "{database}" TO {app_role};',
        f"GRANT USAGE ON SCHEMA public TO {app_role};",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app_role};",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {app_role};",
        "-- Tables a later upgrade adds (made by the owner) get the same rights.",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public",
        f"  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app_role};",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public",
        f"  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {app_role};",
        "-- The audit trail: read and added to, never changed nor removed.",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {AUDIT_TABLE} FROM {app_role};",
        "CREATE OR REPLACE FUNCTION tracker_audit_insert_only() RETURNS trigger",
        "LANGUAGE plpgsql AS $$",
        "BEGIN",
        "  RAISE EXCEPTION 'the audit trail is insert-only (% refused)', TG_OP",
        "    USING ERRCODE = 'insufficient_privilege';",
        "END $$;",
        f"DROP TRIGGER IF EXISTS {AUDIT_TABLE}_insert_only ON {AUDIT_TABLE};",
        f"CREATE TRIGGER {AUDIT_TABLE}_insert_only BEFORE UPDATE OR DELETE ON {AUDIT_TABLE}",
        "  FOR EACH ROW EXECUTE FUNCTION tracker_audit_insert_only();",
        f"DROP TRIGGER IF EXISTS {AUDIT_TABLE}_no_truncate ON {AUDIT_TABLE};",
        f"CREATE TRIGGER {AUDIT_TABLE}_no_truncate BEFORE TRUNCATE ON {AUDIT_TABLE}",
        "  FOR EACH STATEMENT EXECUTE FUNCTION tracker_audit_insert_only();",
        "-- One login role per PC or per person: a member of the app's role, nothing more.",
    ]
    for name in logins:
        check_role_name(name)
        password = pw.get(name) or new_password()
        if "'" in password:
            raise ValueError("a password may not hold a quote")
        lines += [
            "DO $$ BEGIN",
            f"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN",
            f"    CREATE ROLE {name} LOGIN;",
            "  END IF;",
            "END $$;",
            f"ALTER ROLE {name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{password}';",
            f"GRANT {app_role} TO {name};",
        ]
    lines.append("COMMIT;")
    return "\n".join(lines) + "\n"


def run_setup(admin_url: str, sql: str) -> None:
    """Execute the script on the server, as the owner named by ``admin_url``."""
    engine = create_engine(make_url(admin_url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            cur = raw.cursor()
            try:
                cur.execute(sql)
            finally:
                cur.close()
    finally:
        engine.dispose()
