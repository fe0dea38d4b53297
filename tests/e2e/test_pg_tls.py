"""The README's PostgreSQL recipe with TLS on, as an office sets it up: a server of its own
with ``ssl = on`` and a ``pg_hba.conf`` that takes only TLS from the network, a certificate
from the office's own CA; the schema made by the owner, a PC's role made by
`tracker db setup-postgres --run`, and the app signing in through TLS checked against the
CA. A connection without TLS, or a server whose certificate the office CA did not sign, is
refused with a message in words, before any password is sent."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import create_engine, text

from .test_export_cli import run

pytestmark = pytest.mark.postgres

OWNER_PASSWORD = "owner-pass-2026"
ADMIN_PASSWORD = "tinh-tuyen-quang-2026"


def _pg_bin() -> Path | None:
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / "initdb").exists():
            return folder
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _ca(name: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _server_cert(ca_key: ec.EllipticCurvePrivateKey, ca: x509.Certificate) -> tuple[bytes, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return _pem(cert), key_pem


@dataclass(frozen=True)
class Server:
    port: int
    ca_file: Path
    other_ca_file: Path

    def url(
        self, user: str, password: str, *, tls: str = "verify-full", ca: Path | None = None
    ) -> str:
        query = f"sslmode={tls}"
        if tls.startswith("verify"):
            query += f"&sslrootcert={ca or self.ca_file}"
        return f"postgresql+psycopg://{user}:{password}@127.0.0.1:{self.port}/tracker?{query}"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    pg_bin = _pg_bin()
    if pg_bin is None:
        pytest.skip("PostgreSQL's initdb is not installed")
    as_pg: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="tracker-tls-", dir="/tmp"))
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            pytest.skip("runuser is needed to start PostgreSQL as root")
        as_pg = ["runuser", "-u", "postgres", "--"]
    ca_key, ca = _ca("Hội LHPN tỉnh Tuyên Quang CA")
    _other_key, other_ca = _ca("Someone else's CA")
    cert, key = _server_cert(ca_key, ca)
    (root / "ca.crt").write_bytes(_pem(ca))
    (root / "other-ca.crt").write_bytes(_pem(other_ca))
    (root / "server.crt").write_bytes(cert)
    (root / "server.key").write_bytes(key)
    (root / "server.key").chmod(0o600)
    (root / "pw").write_text(OWNER_PASSWORD + "\n")
    if as_pg:
        for p in [root, *root.iterdir()]:
            shutil.chown(p, "postgres", "postgres")

    def pg(*args: str) -> None:
        subprocess.run([*as_pg, *args], cwd=root, check=True, capture_output=True, timeout=120)

    data = root / "data"
    pg(str(pg_bin / "initdb"), "-U", "tracker", "--auth-local=trust", "--auth-host=scram-sha-256",
       f"--pwfile={root / 'pw'}", "-E", "UTF8", "--locale=C.UTF-8", "-D", str(data))  # fmt: skip
    hba = "local all all trust\nhostssl all all 127.0.0.1/32 scram-sha-256\n"
    (data / "pg_hba.conf").write_text(hba + "host all all 127.0.0.1/32 reject\n")
    port = _free_port()
    tls = f"-c ssl=on -c ssl_cert_file={root / 'server.crt'} -c ssl_key_file={root / 'server.key'}"
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off {tls}"
    pg(str(pg_bin / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log"), "-o", options,
       "start")  # fmt: skip
    try:
        pg(str(pg_bin / "createdb"), "-h", str(root), "-p", str(port), "-U", "tracker", "tracker")
        yield Server(port, root / "ca.crt", root / "other-ca.crt")
    finally:
        subprocess.run([*as_pg, str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "stop"], cwd=root, capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


def test_the_recipe_with_tls_on(server: Server) -> None:
    owner = server.url("tracker", OWNER_PASSWORD)
    made = run("init", "--db-url", owner, "--office", "Hội LHPN tỉnh Tuyên Quang",
               "--prefix", "TQ", "--admin", "lan", "--admin-name", "Nguyễn Thị Lan",
               "--province", "08", password=None,
               TRACKER_NEW_PASSWORD=ADMIN_PASSWORD)  # fmt: skip
    assert made.returncode == 0, made.stderr
    roles = run("db", "setup-postgres", "--run", owner, "--login", "pc_lan", password=None)
    assert roles.returncode == 0, roles.stderr
    found = re.search(r"^\s+pc_lan\t(\S+)$", roles.stdout, re.M)
    assert found, roles.stdout
    pc = server.url("pc_lan", found.group(1))

    info = run("office", "info", "--db-url", pc, "--user", "lan", password=ADMIN_PASSWORD)
    assert info.returncode == 0, info.stderr
    assert "Hội LHPN tỉnh Tuyên Quang" in info.stdout
    engine = create_engine(pc)
    try:
        with engine.connect() as conn:
            on = conn.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
            assert on.scalar_one() is True
    finally:
        engine.dispose()

    # Without TLS, and with a server certificate the office CA did not sign: refused in
    # words, nothing changed.
    for url in (
        server.url("pc_lan", found.group(1), tls="disable"),
        server.url("pc_lan", found.group(1), ca=server.other_ca_file),
    ):
        refused = run("office", "info", "--db-url", url, "--user", "lan",
                      password=ADMIN_PASSWORD)  # fmt: skip
        assert refused.returncode == 1
        assert "TLS" in refused.stderr and "127.0.0.1" in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr and "không lường trước" not in refused.stderr
