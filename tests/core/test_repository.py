"""The repository stands alone: nothing in it reads, runs or links a folder beside the clone."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Built from parts so that this file does not name what it looks for.
_SIBLING = "sha" + "red"
_PARTS = ("DESIGN", "STYLE", "seed", "data", "tools", "hooks")
# Ways of naming the folder beside the clone: a relative path up to it (either slash), the
# machines' absolute path, its name as a string literal in code (a path part given to os.path.join
# or pathlib), or one of its files or sub-folders by name.
OUTSIDE = re.compile(
    r"\.\.[/\\]+" + _SIBLING + r"\b"
    r"|/work/" + _SIBLING + r"\b"
    r"|[\"']" + _SIBLING + r"[/\\\"']"
    r"|(?<![\w.-])" + _SIBLING + r"/(?:" + "|".join(_PARTS) + r")\b"
)
SKIPPED_DIRS = {".git", ".venv", "node_modules", "var", "staticfiles", "__pycache__", ".stamps"}


def repository_files() -> list[Path]:
    """The files a clone holds: git's list when this is a checkout, else a walk of the tree."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
        return [ROOT / name for name in listed.decode().split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        return [
            path
            for path in ROOT.rglob("*")
            if path.is_file() and not SKIPPED_DIRS & set(path.relative_to(ROOT).parts)
        ]


def test_no_file_names_a_folder_outside_the_repository():
    offenders = []
    for path in repository_files():
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # images and other binaries
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert offenders == [], "\n".join(offenders)


def test_the_check_finds_what_it_looks_for():
    """The pattern is not one that can never match, nor one that matches ordinary prose."""
    for line in (
        "See ../" + _SIBLING + "/DESIGN.md",
        "..\\" + _SIBLING + "\\data",
        'DATA = Path(__file__).resolve().parents[3] / "' + _SIBLING + '" / "data"',
        'os.path.join(BASE, "..", "' + _SIBLING + '", "x")',
        "ROOT.parent.joinpath('" + _SIBLING + "')",
        'open("/work/' + _SIBLING + '/DESIGN.md")',
        "the seed in " + _SIBLING + "/seed/center-page.md",
    ):
        assert OUTSIDE.search(line), line
    for line in ("settings are invalidated in the shared cache", "a shared/common helper"):
        assert not OUTSIDE.search(line), line


def test_architecture_document_is_in_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/architecture.md" in readme
    assert (ROOT / "docs" / "architecture.md").is_file()


def test_publication_import_data_is_in_the_repository():
    data = ROOT / "tests" / "teams" / "data"
    assert {"pubmed2.xml", "pubmed_result2.txt", "README.md"} <= {p.name for p in data.iterdir()}
