"""Backups that restore: the database as one consistent pg_dump (custom format), the media
storage file by file, and a manifest that says what they hold.

A backup is a folder (`var/backups/<UTC time>/` by default):

- `database.dump`: `pg_dump --format=custom`, a snapshot of one moment (pg_dump reads inside one
  repeatable-read transaction, so every table is seen at the same instant);
- `media/`: every file of the media storage (local disk or S3-compatible), copied after the dump:
  each file the dump names is there (images are never changed in place, only added or deleted);
- `manifest.json`: the time, the dump's size and SHA-256, each media file's size and SHA-256, and
  the row count of every table, by which `restore` checks what it brought back.

`restore` refuses a database that already has tables and a storage that already has files: it
brings a backup back into empty ones (a new database, a new bucket or folder), checks the
checksums first and the row counts after, and stops at the first error.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import storages
from django.db import connection
from psycopg import sql

MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"
FORMAT = 1


class BackupError(Exception):
    pass


def _pg_env() -> tuple[list[str], dict]:
    """Connection arguments and environment for pg_dump and pg_restore, from the settings."""
    db = settings.DATABASES["default"]
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _program(name: str) -> str:
    """pg_dump or pg_restore: on the PATH, else the newest of Debian's versioned folders."""
    found = shutil.which(name)
    if found is None:
        versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
        found = str(versions[-1]) if versions else None
    if found is None:
        raise BackupError(f"{name} not found: install PostgreSQL's client programs.")
    return found


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _media_files(storage, folder: str = "") -> Iterator[str]:
    """Every file name of the storage, folders walked."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from _media_files(storage, f"{folder}/{name}" if folder else name)


def table_counts() -> dict[str, int]:
    """Rows of every table of the schema."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
        )
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
            counts[table] = cursor.fetchone()[0]
    return counts


def backup(target: Path) -> dict:
    """Write a backup into the folder `target` (made; must not exist); returns the manifest."""
    if target.exists():
        raise BackupError(f"{target} already exists.")
    (target / MEDIA).mkdir(parents=True)
    started = datetime.datetime.now(datetime.UTC)
    counts = table_counts()
    args, env = _pg_env()
    dump = target / DUMP
    done = subprocess.run(  # noqa: S603 (the arguments come from the settings, not a request)
        [
            _program("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(dump),
            *args,
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        shutil.rmtree(target, ignore_errors=True)
        raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
    storage = storages["default"]
    media = {}
    for name in _media_files(storage):
        destination = target / MEDIA / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, destination.open("wb") as out:
            shutil.copyfileobj(source, out)
        media[name] = {"size": destination.stat().st_size, "sha256": _sha256(destination)}
    manifest = {
        "format": FORMAT,
        "started": started.isoformat(),
        "finished": datetime.datetime.now(datetime.UTC).isoformat(),
        "database": {"file": DUMP, "size": dump.stat().st_size, "sha256": _sha256(dump)},
        # Counted just before the dump: rows written in between are in the dump, not here;
        # restore compares on a quiet site, or says which tables differ.
        "tables": counts,
        "media": media,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def read_manifest(source: Path) -> dict:
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"No readable {MANIFEST} in {source}: {exc}") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{source} is not a backup this version can restore.")
    return manifest


def verify(source: Path, manifest: dict) -> None:
    """Every file is there with its checksum."""
    dump = source / manifest["database"]["file"]
    if not dump.is_file() or _sha256(dump) != manifest["database"]["sha256"]:
        raise BackupError(f"{dump} is missing or damaged.")
    for name, facts in manifest["media"].items():
        path = source / MEDIA / name
        if not path.is_file() or _sha256(path) != facts["sha256"]:
            raise BackupError(f"Media file {name} is missing or damaged.")


def restore(source: Path) -> dict[str, tuple[int, int]]:
    """Bring the backup in `source` back into the empty database and storage of the settings;
    returns the tables whose row counts differ from the manifest (none after a quiet backup)."""
    manifest = read_manifest(source)
    verify(source, manifest)
    if connection.introspection.table_names():
        raise BackupError("The database already has tables: restore into an empty database.")
    storage = storages["default"]
    if next(_media_files(storage), None) is not None:
        raise BackupError("The media storage already has files: restore into an empty one.")
    args, env = _pg_env()
    done = subprocess.run(  # noqa: S603 (the arguments come from the settings and the manifest)
        [
            _program("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            *args,
            str(source / manifest["database"]["file"]),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise BackupError(f"pg_restore failed: {done.stderr.strip()}")
    for name in manifest["media"]:
        with (source / MEDIA / name).open("rb") as handle:
            saved = storage.save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(f"The storage kept {name} as {saved}.")
    connection.close()  # the restored schema, seen afresh
    from apps.core import page_cache

    page_cache.invalidate()  # pages kept from before the restore are not served again
    counts = table_counts()
    return {
        table: (expected, counts.get(table, 0))
        for table, expected in manifest["tables"].items()
        if counts.get(table, 0) != expected
    }
