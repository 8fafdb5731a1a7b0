"""`make bench`, site search part: how long a visitor waits for search results as the content
grows, at 1x the demo content, 10x, and the scale of issue 11 (10,000 people, 500 teams,
20,000 publications, 30,000 articles).

Works in a database of its own (`portal_bench_search` on the configured server, dropped at the
end): migrate, load the demo content, then grow it with tests/search/scale.py. Each scale is
measured through a real gunicorn on loopback (the whole view: ranking, counts, excerpts,
"Did you mean", the page), one request at a time, each query REPEAT times after a warm-up.
Exits 1 when a p95 target is missed or a request fails.

    .venv/bin/python -m tests.bench_search                 # 1x, 10x and full scale
    SEARCH_BENCH_SCALES=1x,10x .venv/bin/python -m tests.bench_search
"""

from __future__ import annotations

import http.client
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from tests.bench import run_pytest, start_gunicorn

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv/bin/python")
DATABASE = "portal_bench_search"
REPEAT = 10
# p95 targets in ms over all the requests of a scale; None: measured and shown, not enforced.
TARGETS = {"1x": 150.0, "10x": 150.0, "full": None}

# (language, query, type): names with and without typos, titles, subjects in both languages,
# one to three words, and a type filter.
QUERIES = [
    ("fr", "Romano", ""),
    ("fr", "Dr Romano", ""),
    ("fr", "Romanno", ""),
    ("fr", "Amigorena", ""),
    ("fr", "Amigorenna", ""),
    ("fr", "Chevaliar", ""),
    ("en", "Nora Lefevre", ""),
    ("fr", "immunothérapie", ""),
    ("fr", "immunothérapie", "article"),
    ("fr", "cancer du sein", ""),
    ("fr", "cellules dendritiques", ""),
    ("fr", "biomarqueurs prédictifs", ""),
    ("fr", "microenvironnement tumoral", ""),
    ("fr", "essais cliniques précoces", ""),
    ("fr", "Chevalier", "person"),
    ("en", "breast cancer", ""),
    ("en", "dendritic cells", ""),
    ("en", "single-cell sequencing", ""),
    ("en", "checkpoint", ""),
    ("en", "predictive biomarkers", "publication"),
]
PATHS = {"fr": "/fr/recherche/", "en": "/en/search/"}


def _connection_params() -> dict:
    """Where the configured database lives (DATABASE_URL or the local default), from the same
    settings `make bench` uses."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "center_portal.settings")
    from django.conf import settings

    db = settings.DATABASES["default"]
    params = {
        "host": db.get("HOST") or db.get("OPTIONS", {}).get("host"),
        "port": db.get("PORT") or db.get("OPTIONS", {}).get("port"),
        "user": db.get("USER") or db.get("OPTIONS", {}).get("user"),
        "password": db.get("PASSWORD") or None,
    }
    return {key: str(value) for key, value in params.items() if value}


def _admin(params: dict, *statements: str) -> None:
    import psycopg

    with psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=10, **params) as c:
        for statement in statements:
            c.execute(statement)


def _url(params: dict) -> str:
    """A DATABASE_URL for the bench database; the server's address goes in the query string,
    which also carries a socket folder."""
    return f"postgres:///{DATABASE}?{urlencode(params)}"


def _manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def _counts(env: dict) -> str:
    done = subprocess.run(
        [PYTHON, "-m", "tests.bench_search", "counts"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def _grow(env: dict, scale: str) -> None:
    subprocess.run(
        [PYTHON, "-m", "tests.bench_search", "grow", scale], cwd=ROOT, env=env, check=True
    )


def _start(env: dict, log):
    return start_gunicorn(env, log)


def _get(port: int, path: str) -> tuple[int, float]:
    """Status (0: no answer) and time of one request."""
    start = time.perf_counter()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        status = response.status
        conn.close()
    except (OSError, http.client.HTTPException):
        status = 0
    return status, (time.perf_counter() - start) * 1000


def _path(lang: str, query: str, kind: str) -> str:
    return PATHS[lang] + "?" + urlencode({"q": query, **({"type": kind} if kind else {})})


def _measure(env: dict) -> tuple[dict[tuple, list[float]], list[str]]:
    """Times (ms) of each query, REPEAT requests one at a time after two warm-up requests (one
    per worker); the failed requests, with the end of gunicorn's log when there are some."""
    times: dict[tuple, list[float]] = {}
    failures = []
    with tempfile.TemporaryFile() as log:
        server, port = _start(env, log)
        try:
            for entry in QUERIES:
                path = _path(*entry)
                for _ in range(2):
                    _get(port, path)
                for _ in range(REPEAT):
                    status, ms = _get(port, path)
                    times.setdefault(entry, []).append(ms)
                    if status != 200:
                        failures.append(f"{path}: {status or 'no answer'}")
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        if failures:
            log.seek(0)
            print(log.read().decode(errors="replace")[-3000:])
    return times, failures


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95 + 0.5) - 1)]


def _report(results: dict[str, dict[tuple, list[float]]], sizes: dict[str, str]) -> list[str]:
    """Prints the table; returns the targets missed."""
    scales = list(results)
    width = 44
    print()
    print("Site search, whole page through gunicorn, one request at a time (ms)")
    for scale in scales:
        print(f"  {scale}: {sizes[scale]}")
    header = f"{'query':<{width}}" + "".join(f"{s + ' p50':>12}{s + ' p95':>12}" for s in scales)
    print(header)
    print("-" * len(header))
    for entry in QUERIES:
        lang, query, kind = entry
        label = f"{lang} {query}" + (f" [type={kind}]" if kind else "")
        cells = ""
        for scale in scales:
            values = results[scale][entry]
            cells += f"{statistics.median(values):>12.1f}{p95(values):>12.1f}"
        print(f"{label[:width]:<{width}}{cells}")
    print("-" * len(header))
    missed = []
    all_cells, target_cells = "", ""
    for scale in scales:
        values = [ms for entry in QUERIES for ms in results[scale][entry]]
        total_p95 = p95(values)
        all_cells += f"{statistics.median(values):>12.1f}{total_p95:>12.1f}"
        target = TARGETS.get(scale)
        target_cells += f"{'':>12}{(f'< {target:.0f}' if target else 'none'):>12}"
        if target is not None and total_p95 >= target:
            missed.append(f"search at {scale}: p95 {total_p95:.1f} ms, target < {target:.0f} ms")
    print(f"{f'all {len(QUERIES)} queries x {REPEAT}':<{width}}{all_cells}")
    print(f"{'target (p95 of all)':<{width}}{target_cells}")
    return missed


def main() -> int:
    wanted = os.environ.get("SEARCH_BENCH_SCALES", "1x,10x,full").split(",")
    params = _connection_params()
    env = {**os.environ, "DATABASE_URL": _url(params)}
    # Each worker's own memory cache: a shared Redis would mix in the main site's entries.
    env.pop("REDIS_URL", None)
    drop = f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'
    _admin(params, drop, f'CREATE DATABASE "{DATABASE}"')
    results: dict[str, dict[tuple, list[float]]] = {}
    sizes: dict[str, str] = {}
    failures: list[str] = []
    try:
        _manage(env, "migrate", "--noinput", "-v0")
        _manage(env, "load_demo")
        for scale in ("1x", "10x", "full"):
            if scale not in wanted:
                continue
            started = time.perf_counter()
            _grow(env, scale)
            sizes[scale] = _counts(env)
            print(f"{scale}: {sizes[scale]} (made in {time.perf_counter() - started:.0f} s)")
            results[scale], failed = _measure(env)
            failures += failed
    finally:
        _admin(params, drop)
    failures += _report(results, sizes)
    if "full" in wanted:
        # The query plans at the full scale: the test `make test` runs at a quarter.
        print("query plans at full scale (tests/search/test_scale.py):", flush=True)
        if run_pytest(
            "tests/search/test_scale.py",
            SEARCH_SCALE_TEST="full",
            TEST_DB_NAME="test_bench_search_plans",
        ):
            failures.append("query plans at full scale (tests/search/test_scale.py)")
    for failure in failures:
        print("MISSED:", failure)
    return 1 if failures else 0


def _task(name: str, *args: str) -> None:
    """The parts that need Django, run in a child process on the bench database."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "center_portal.settings")
    django.setup()
    from django.db import connection

    from apps.news.models import Event, NewsArticle
    from apps.search.models import SearchDocument
    from apps.teams.models import Person, Publication, Team
    from tests.search.scale import FULL, Scale, generate

    models = {
        "teams": Team,
        "people": Person,
        "publications": Publication,
        "articles": NewsArticle,
        "events": Event,
    }
    now = {key: model.objects.count() for key, model in models.items()}
    if name == "counts":
        documents = SearchDocument.objects.count()
        print(", ".join(f"{n} {key}" for key, n in now.items()) + f"; {documents} documents")
        return
    # 1x is the demo content as loaded; 10x adds nine times its counts.
    if args[0] == "10x":
        generate(Scale(**{key: 9 * n for key, n in now.items()}, pages=10), prefix="bench")
    elif args[0] == "full":
        extra = {key: max(0, getattr(FULL, key) - n) for key, n in now.items()}
        generate(Scale(**extra, pages=30), prefix="bench", landmark=False)
    with connection.cursor() as cursor:
        # What autovacuum does soon after a bulk load: statistics, GIN pending lists merged.
        cursor.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        _task(*sys.argv[1:])
    else:
        sys.exit(main())
