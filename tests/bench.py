"""`make bench`: the site's throughput at institute scale against a bare Django view, in one run.

1. A database of its own (`portal_bench`, dropped at the end): migrate, the demo content, then
   `generate_scale_data` (500 teams, 10,000 people, 30,000 articles...).
2. A Redis of its own, and three gunicorn servers with the production settings
   (center_portal/gunicorn.conf.py): the site with the page cache off ("cold": every page built),
   the site with it on ("warm"), and the bare view of tests/bench_bare.py.
3. For each page type, wrk at 16 connections drives the bare view, then the site, alternating
   (bare, cold, bare, warm), so that each ratio compares runs seconds apart on the same machine.
4. A table of requests per second, median and 99th-percentile latency, errors and the ratio to
   the bare view, with each server's peak memory per worker; the same rows as JSON in
   var/bench/latest.json. Targets: warm >= 0.7 of the bare view, cold >= 0.1, no error.

Then the query counts at the full generated scale (tests/test_page_types_at_scale.py) and the
site search's own benchmark (tests/bench_search.py). Exits 1 when a target is missed.
Loopback only; about ten minutes on two cores.

    .venv/bin/python -m tests.bench              # everything
    BENCH_SECONDS=2 BENCH_PARTS=pages .venv/bin/python -m tests.bench
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv/bin/python")
DATABASE = "portal_bench"
SECONDS = float(os.environ.get("BENCH_SECONDS", "4"))
CONNECTIONS = 16
TARGETS = {"warm": 0.7, "cold": 0.1}
OUTPUT = ROOT / "var" / "bench" / "latest.json"
PARTS = os.environ.get("BENCH_PARTS", "pages,queries,search").split(",")


# Servers -----------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def start_gunicorn(
    env: dict, output=subprocess.DEVNULL, app: str = "center_portal.wsgi", workers: str = ""
) -> tuple[subprocess.Popen, int]:
    """A gunicorn with the production settings on a free port of loopback, answering."""
    port = free_port()
    extra = {"WEB_CONCURRENCY": workers} if workers else {}
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "-c",
            "center_portal/gunicorn.conf.py",
            "--no-control-socket",
            "--access-logfile",
            "/dev/null",
            app,
        ],
        cwd=ROOT,
        env={**env, "PORT": str(port), "HOST": "127.0.0.1", **extra},
        stdout=output,
        stderr=subprocess.STDOUT if output is not subprocess.DEVNULL else subprocess.DEVNULL,
    )
    try:
        wait_for(port)
    except BaseException:
        server.kill()
        raise
    return server, port


def stop(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()


def workers_of(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def peak_mb(pid: int) -> float:
    """The largest resident memory the process has had (VmHWM), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


# wrk ---------------------------------------------------------------------------------------------

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(port: int, path: str) -> dict:
    done = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS:g}s",
            "--latency",
            "--timeout",
            "10s",
            "-H",
            "Accept-Encoding: gzip",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = done.stdout
    latency = {
        pct: float(value) * _UNITS[unit]
        for pct, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    }
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", out))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    if not int(re.search(r"(\d+) requests in", out).group(1)):
        errors = max(errors, 1)  # not one answer in the run
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": round(latency.get("50", 0.0), 2),
        "p99_ms": round(latency.get("99", 0.0), 2),
        "errors": errors,
    }


# The bench database ------------------------------------------------------------------------------


def _url(params: dict) -> str:
    return f"postgres:///{DATABASE}?{urlencode(params)}"


def _manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def page_paths(env: dict) -> list[tuple[str, str]]:
    done = subprocess.run(
        [PYTHON, "-m", "tests.bench", "paths"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _paths() -> None:
    """Child process on the bench database: one address of each page type, as JSON."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "center_portal.settings")
    django.setup()
    from django.urls import reverse
    from django.utils import translation

    from apps.care.models import ClinicalTrial
    from apps.news.models import NewsArticle
    from apps.pages.models import Page
    from apps.teams.models import Person, Team

    translation.activate("fr")
    generated = {"slug_fr__startswith": "scale-"}
    team = Team.objects.published().filter(**generated).order_by("pk").first()
    person = (
        (Person.objects.published().filter(slug__startswith="scale-", memberships__isnull=False))
        .order_by("pk")
        .first()
    )
    article = NewsArticle.objects.published().filter(**generated).order_by("-date").first()
    trial = ClinicalTrial.objects.published().filter(slug__startswith="scale-").first()
    page = Page.objects.published().filter(depth=1, **generated).order_by("tree_key").first()
    paths = [
        ("home", "/fr/"),
        ("team list", reverse("teams:team-list")),
        ("team page", team.get_absolute_url()),
        ("people, filtered", reverse("teams:person-list") + f"?team={team.slug}"),
        ("profile", person.get_absolute_url()),
        ("news list", reverse("news:article-list")),
        ("article", article.get_absolute_url()),
        ("events", reverse("news:event-list")),
        ("trials finder", reverse("care:trial-list") + "?phase=2"),
        ("trial", trial.get_absolute_url()),
        ("search", reverse("search:results") + "?q=lymphocytes"),
        ("editorial page", page.get_absolute_url()),
        ("MC21", reverse("mc21:landing")),
    ]
    print(json.dumps(paths))


# The run -----------------------------------------------------------------------------------------


def bench_pages(env: dict) -> tuple[list[dict], list[str]]:
    from tests.redis_server import RedisServer

    rows: list[dict] = []
    failures: list[str] = []
    paths = page_paths(env)
    with tempfile.TemporaryDirectory() as workdir:
        redis = RedisServer(Path(workdir))
        servers = {}
        try:
            site = {**env, "REDIS_URL": redis.url}
            servers["cold"] = start_gunicorn({**site, "PAGE_CACHE_SECONDS": "0"})
            servers["warm"] = start_gunicorn({**site, "PAGE_CACHE_SECONDS": "600"})
            servers["bare"] = start_gunicorn(dict(os.environ), app="tests.bench_bare")
            peaks = dict.fromkeys(servers, 0.0)
            for name, path in paths:
                for kind in ("cold", "warm"):
                    bare = wrk(servers["bare"][1], "/")  # each run's bare view: just before it
                    port = servers[kind][1]
                    wrk_warmup(port, path)
                    measured = wrk(port, path)
                    row = {
                        "page": name,
                        "path": path,
                        "cache": kind,
                        **measured,
                        "bare_rps": bare["rps"],
                        "ratio": round(measured["rps"] / bare["rps"], 3) if bare["rps"] else 0,
                    }
                    rows.append(row)
                    for server_name, (server, _port) in servers.items():
                        for pid in workers_of(server.pid):
                            peaks[server_name] = max(peaks[server_name], peak_mb(pid))
                    print(_line(row), flush=True)
                    if row["errors"]:
                        failures.append(f"{name} ({kind}): {row['errors']} errors")
                    if row["ratio"] < TARGETS[kind]:
                        failures.append(
                            f"{name} ({kind}): {row['ratio']:.3f} of the bare view, "
                            f"target {TARGETS[kind]}"
                        )
            for row in rows:
                row["peak_worker_mb"] = round(peaks[row["cache"]], 1)
            print(
                "peak memory per worker: "
                + ", ".join(f"{name} {mb:.0f} MB" for name, mb in peaks.items())
            )
        finally:
            for server, _port in servers.values():
                stop(server)
            redis.kill()
    return rows, failures


def wrk_warmup(port: int, path: str) -> None:
    """A few requests first: every worker has loaded its code, the warm server holds the page."""
    import http.client

    for _ in range(8):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
        conn.getresponse().read()
        conn.close()


def _line(row: dict) -> str:
    return (
        f"{row['page']:<18}{row['cache']:<6}{row['rps']:>9.0f}{row['bare_rps']:>9.0f}"
        f"{row['ratio']:>8.3f}{row['p50_ms']:>9.1f}{row['p99_ms']:>9.1f}{row['errors']:>7}"
    )


def run_pytest(path: str, **env: str) -> int:
    """One test module in a test database of its own; its exit status."""
    command = [PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", path]
    environment = {**os.environ, "DJANGO_ENV": "test", **env}
    return subprocess.run(command, cwd=ROOT, env=environment).returncode


def main() -> int:
    from tests.bench_search import _admin, _connection_params

    if shutil.which("wrk") is None:
        raise SystemExit("wrk not found: `make bench` installs it (apt).")
    failures: list[str] = []
    if "pages" in PARTS:
        params = _connection_params()
        env = {**os.environ, "DATABASE_URL": _url(params), "DJANGO_ENV": "local"}
        env.pop("REDIS_URL", None)
        drop = f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'
        _admin(params, drop, f'CREATE DATABASE "{DATABASE}"')
        try:
            started = time.perf_counter()
            _manage(env, "migrate", "--noinput", "-v0")
            _manage(env, "load_demo")
            _manage(env, "generate_scale_data", "--add-to-existing")
            print(f"bench database ready in {time.perf_counter() - started:.0f} s", flush=True)
            print(
                f"{'page':<18}{'cache':<6}{'req/s':>9}{'bare':>9}{'ratio':>8}"
                f"{'p50 ms':>9}{'p99 ms':>9}{'errors':>7}"
            )
            rows, missed = bench_pages(env)
            failures += missed
        finally:
            _admin(params, drop)
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        OUTPUT.write_text(
            json.dumps(
                {
                    "date": datetime.date.today().isoformat(),
                    "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                    f"{platform.python_implementation()} {platform.python_version()}",
                    "seconds_per_run": SECONDS,
                    "connections": CONNECTIONS,
                    "targets": TARGETS,
                    "rows": rows,
                },
                indent=2,
            )
            + "\n"
        )
        print(f"written to {OUTPUT.relative_to(ROOT)}")
    if "queries" in PARTS:
        print("query counts at the full generated scale:", flush=True)
        if run_pytest(
            "tests/test_page_types_at_scale.py",
            PAGE_SCALE_FRACTION="1",
            TEST_DB_NAME="test_bench_page_counts",
        ):
            failures.append("query counts at full scale (tests/test_page_types_at_scale.py)")
    if "search" in PARTS:
        from tests import bench_search

        # 1x and 10x the demo content; SEARCH_BENCH_SCALES=1x,10x,full adds the issue-11 scale.
        os.environ.setdefault("SEARCH_BENCH_SCALES", "1x,10x")
        if bench_search.main():
            failures.append("site search benchmark")
    for failure in failures:
        print("MISSED:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["paths"]:
        _paths()
    else:
        sys.exit(main())
