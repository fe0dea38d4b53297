"""What the database layer and the report writers both need of the disk, below both (they
may not import each other): standard library only."""

from __future__ import annotations

import os
from pathlib import Path


def sync_folder(folder: Path) -> None:
    """Flush a folder's list of names to the device, so that a file just created, renamed
    into it or removed from it stays so after a power cut. Windows cannot open a folder to
    sync it (NTFS and FAT write their folders through): nothing is done there. An error
    (a stick pulled out) is raised as it is."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
