"""Shared fixtures: a clean cache per test, one Chromium for the whole run, the validators."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.cache import cache

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tests" / "tools" / "node_modules"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Playwright's sync API keeps an event loop open in the test thread, which Django's async-safety
# check mistakes for async code. The tests only touch the database from plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request's language (LocaleMiddleware)
    would otherwise stay active into the next test, and `obj.slug = ...` or `Model(slug=...)`
    would write another language's slug."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """`with indexed(): ...`: objects saved inside the block are in the site search's index
    when it ends, as after a real commit (tests run inside a transaction that never commits)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    yield


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for every page test of the run."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs it (apt: chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_problems = []

    def on_console(msg):
        # A failed load is reported through on_response, with its address.
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            page.console_problems.append(msg.text)

    def on_response(response):
        if response.status >= 400 and response.request.resource_type != "document":
            page.console_problems.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda exc: page.console_problems.append(str(exc)))
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS.exists():
        pytest.fail("axe-core is missing: `make test` installs it (tests/tools, npm ci).")
    return AXE_JS.read_text()


def run_axe(page, axe_source) -> list[dict]:
    """Run axe-core in the page; return its WCAG 2.1 A/AA violations."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source)  # once per document: a second run reuses it
    result = page.evaluate(
        # Only violations are collected: the passes would take a third of the run.
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [n["target"] for n in v["nodes"][:5]],
        }
        for v in result["violations"]
    ]


def run_vnu(documents: dict[str, str], workdir: Path) -> dict[str, list[dict]]:
    """Check many HTML documents with one run of the Nu HTML Checker: {name: [errors]}.

    The run fails the test unless the checker ran to its end and reported on every document."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        pytest.fail("The Nu HTML Checker needs java and vnu.jar: `make test` installs both.")
    files = {}
    for index, (name, html) in enumerate(documents.items()):
        path = workdir / f"page{index}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    completed = subprocess.run(
        # --verbose writes each file's name to stdout as it is checked; the report goes to stderr.
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--verbose"]
        + [str(workdir / filename) for filename in files],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return read_vnu_report(completed.returncode, completed.stdout, completed.stderr, files)


def read_vnu_report(returncode: int, stdout: str, stderr: str, files: dict[str, str]):
    """The errors per document of a Nu run ({file name: document name} in `files`); a checker
    that crashed, skipped a file or contradicts its exit code fails the test."""
    try:
        report = json.loads(stderr)
    except json.JSONDecodeError:
        pytest.fail(f"The Nu HTML Checker gave no report (exit {returncode}):\n{stderr[-2000:]}")
    checked = {line.strip().rsplit("/", 1)[-1] for line in stdout.splitlines() if line.strip()}
    missing = sorted(files[name] for name in set(files) - checked)
    if missing:
        pytest.fail(f"The Nu HTML Checker did not check: {missing}")
    errors: dict[str, list[dict]] = {name: [] for name in files.values()}
    for message in report.get("messages", []):
        kind = message.get("type")
        url = message.get("url", "")
        name = files.get(url.rsplit("/", 1)[-1], url or "(the checker)")
        if kind == "info" and message.get("message") == "File not found.":
            pytest.fail(f"The Nu HTML Checker could not read {name}")
        if kind not in ("error", "non-document-error"):
            continue
        errors.setdefault(name, []).append(
            {
                "type": kind,
                "line": message.get("lastLine"),
                "message": message.get("message"),
                "extract": message.get("extract", "")[:120],
            }
        )
    found = any(errors.values())
    if returncode != (1 if found else 0):
        pytest.fail(
            f"The Nu HTML Checker exited {returncode} with {'errors' if found else 'no error'}:"
            f"\n{stderr[-2000:]}"
        )
    return errors


OVERFLOW_JS = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > width + 0.5)
        .filter(el => !el.closest('.visually-hidden, .hp-field, [hidden]'))
        .slice(0, 5)
        .map(el => `${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''}`
                   + ` "${(el.textContent || '').trim().slice(0, 40)}"`);
    return {scrollWidth: document.documentElement.scrollWidth, wide};
}"""


# Words of a heading broken across two lines (a word too long for the line, cut by
# overflow-wrap; the test Chromium has no hyphenation dictionary, so every split is such a cut).
# Words of real text only (up to 24 characters, "d'immunothérapie" has 16): a heading made of one
# 40-letter string, as the factories write to test overflow, can only be cut.
SPLIT_WORDS_JS = """() => {
    const split = [];
    for (const heading of document.querySelectorAll('h1, h2, h3, .card__title')) {
        if (!heading.getClientRects().length) continue;
        const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/[^\\s\\u00AD-]+-?/g)) {
                if (match[0].length > 24) continue;
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (tops.size > 1) split.push(match[0]);
            }
        }
    }
    return split.slice(0, 5);
}"""


# The first tel: link a visitor can tap, and whether it is in the first screen.
FIRST_CALL_JS = """() => {
    window.scrollTo(0, 0);
    if (!document.querySelector('.site-header')) return {header: false};
    const links = [...document.querySelectorAll('a[href^="tel:"]')].filter(a => {
        const box = a.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(a).visibility !== 'hidden';
    });
    if (!links.length) return {header: true, bottom: null};
    const first = links[0].getBoundingClientRect();
    const number = links[0].querySelector('.call-button__number') || links[0];
    return {header: true, bottom: first.bottom, lines: Math.round(
        number.getBoundingClientRect().height / parseFloat(getComputedStyle(number).lineHeight))};
}"""


def check_in_browser(page, axe_source, narrow_axe: bool = True, desktop_axe: bool = True) -> list:
    """What a page open in Chromium gets wrong: axe violations at desktop width and at 320 px,
    console or CSP errors, sideways scrolling at 320 px (with the elements that stick out),
    heading words cut in two at 320 px, and, on a 375 × 667 phone, no number to call in the
    first screen (or one that wraps).

    `narrow_axe=False` skips the second axe run at 320 px, `desktop_axe=False` the first (the
    other checks stay), for a sweep that runs axe on enough pages of each kind already."""
    problems: list = []
    violations = run_axe(page, axe_source) if desktop_axe else []
    if violations:
        problems.append({"axe (desktop)": violations})
    if page.console_problems:
        problems.append({"console": list(page.console_problems)})
    page.set_viewport_size({"width": 320, "height": 800})
    overflow = page.evaluate(OVERFLOW_JS)
    if overflow["scrollWidth"] > 320:
        problems.append({"scrolls sideways at 320 px": overflow})
    split = page.evaluate(SPLIT_WORDS_JS)
    if split:
        problems.append({"heading words cut in two at 320 px": split})
    violations = run_axe(page, axe_source) if narrow_axe else []
    if violations:
        problems.append({"axe (320 px)": violations})
    page.set_viewport_size({"width": 375, "height": 667})
    call = page.evaluate(FIRST_CALL_JS)
    if call["header"] and (call["bottom"] is None or call["bottom"] > 667 or call["lines"] > 1):
        problems.append({"no number to call in the first 375 × 667 screen": call})
    page.set_viewport_size({"width": 1280, "height": 900})
    return problems


@pytest.fixture
def redis_server(tmp_path):
    """A real redis-server of the test's own, killed at the end whatever happens."""
    from tests.redis_server import RedisServer

    server = RedisServer(tmp_path)
    try:
        yield server
    finally:
        server.kill()
