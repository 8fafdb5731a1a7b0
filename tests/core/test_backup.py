"""`manage.py backup` and `restore`: the demo content, its rows and its image files, backed up
and brought back into a fresh database and an empty media folder, with the same pages."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client
from psycopg import sql

from apps.core.backup import BackupError, restore, table_counts
from apps.news.models import NewsArticle
from apps.teams.models import Team

ROOT = Path(__file__).resolve().parents[2]


def _params() -> dict:
    db = settings.DATABASES["default"]
    found = {"host": db.get("HOST"), "port": db.get("PORT"), "user": db.get("USER")}
    return {key: str(value) for key, value in found.items() if value}


def _admin(*statements: str) -> None:
    with psycopg.connect(dbname="postgres", autocommit=True, **_params()) as admin:
        for statement in statements:
            admin.execute(statement)


def _pages(urls: list[str]) -> list[tuple[int, str]]:
    client = Client(HTTP_HOST="127.0.0.1")
    found = []
    for url in urls:
        response = client.get(url)
        html = response.content.decode()
        found.append((response.status_code, html[html.find("<h1") : html.find("</h1>")]))
    return found


PAGE_SCRIPT = """
import json, os
from tests.core.test_backup import _pages
print("PAGES" + json.dumps(_pages(json.loads(os.environ["PAGES"]))))
"""


def test_the_demo_content_backed_up_and_restored_into_a_fresh_database(transactional_db, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    media_before = {
        str(path.relative_to(settings.MEDIA_ROOT)): path.read_bytes()
        for path in Path(settings.MEDIA_ROOT).rglob("*")
        if path.is_file()
    }
    assert media_before, "the demo has images"
    folder = tmp_path / "backup"
    out = io.StringIO()
    call_command("backup", str(folder), stdout=out)
    assert "Backup written" in out.getvalue()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert set(manifest["media"]) == set(media_before)
    assert manifest["tables"] == table_counts()
    assert manifest["tables"]["teams_team"] == Team.objects.count() > 0

    # Into a new database and an empty media folder, by the command, in a process of its own.
    name = f"{settings.DATABASES['default']['NAME']}_restored"
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    restored_var = tmp_path / "restored"
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_ENV": "test",
        "DATABASE_URL": f"postgres:///{name}?{urlencode(_params())}",
        "VAR_DIR": str(restored_var),
    }
    try:
        done = subprocess.run(
            [sys.executable, "manage.py", "restore", str(folder)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        assert "every table has its rows" in done.stdout
        with psycopg.connect(dbname=name, **_params()) as restored:
            for table, count in manifest["tables"].items():
                query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
                assert restored.execute(query).fetchone()[0] == count, table
        media_after = {
            str(path.relative_to(restored_var / "test-media")): path.read_bytes()
            for path in (restored_var / "test-media").rglob("*")
            if path.is_file()
        }
        assert media_after == media_before
        # The same pages, read from the restored database.
        urls = [
            "/fr/",
            "/en/",
            Team.objects.published().first().get_absolute_url(),
            NewsArticle.objects.published().first().get_absolute_url(),
        ]
        shown = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", PAGE_SCRIPT],
            cwd=ROOT,
            env={**env, "PAGES": json.dumps(urls)},
            capture_output=True,
            text=True,
        )
        assert shown.returncode == 0, shown.stderr
        line = next(x for x in shown.stdout.splitlines() if x.startswith("PAGES"))
        assert [tuple(page) for page in json.loads(line[5:])] == _pages(urls)
        assert all(status == 200 for status, _title in _pages(urls))

        # Never over existing content.
        again = subprocess.run(
            [sys.executable, "manage.py", "restore", str(folder)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert again.returncode != 0 and "already has tables" in again.stderr
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db
def test_a_damaged_or_missing_backup_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(CommandError, match="No readable manifest"):
        call_command("restore", str(tmp_path / "nothing"), stdout=io.StringIO())
    folder = tmp_path / "backup"
    call_command("backup", str(folder), stdout=io.StringIO())
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(folder), stdout=io.StringIO())
    (folder / "database.dump").write_bytes(b"\x00" * 10)
    with pytest.raises(BackupError, match="missing or damaged"):
        restore(folder)
