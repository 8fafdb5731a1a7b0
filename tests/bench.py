"""`make bench`: speed and memory targets, measured against a real gunicorn on this machine.

Starts gunicorn on a free loopback port (its own control socket switched off), sends a bounded
number of requests to each page, and checks the latency and the workers' memory against the
targets below, then runs the site search benchmark (tests/bench_search.py). Exits 1 when a
target is missed. Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# path: (requests, p95 target in ms)
TARGETS = {
    "/fr/": (300, 60.0),
    "/en/": (300, 60.0),
    "/fr/page-inconnue/": (200, 60.0),
    "/sitemap.xml": (100, 60.0),
    "/robots.txt": (200, 20.0),
    "/healthz": (200, 30.0),
}
CONCURRENCY = 4
WORKER_RSS_TARGET_MB = 200.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def timed_get(port: int, path: str) -> tuple[int, float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    start = time.perf_counter()
    conn.request("GET", path, headers={"Accept-Language": "fr"})
    response = conn.getresponse()
    response.read()
    elapsed = (time.perf_counter() - start) * 1000
    conn.close()
    return response.status, elapsed


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def start_gunicorn(env: dict, output=subprocess.DEVNULL) -> tuple[subprocess.Popen, int]:
    """The site as production runs it (its gunicorn settings, two workers) on a free port of
    loopback, started and answering."""
    port = free_port()
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "-c",
            "center_portal/gunicorn.conf.py",
            "--no-control-socket",
            "--access-logfile",
            "/dev/null",
            "center_portal.wsgi",
        ],
        cwd=ROOT,
        env={**env, "PORT": str(port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": "2"},
        stdout=output,
        stderr=subprocess.STDOUT if output is not subprocess.DEVNULL else subprocess.DEVNULL,
    )
    try:
        wait_for(port)
    except BaseException:
        server.kill()
        raise
    return server, port


def main() -> int:
    server, port = start_gunicorn(dict(os.environ))
    failures = []
    try:
        for path in TARGETS:  # warm up every worker
            for _ in range(4):
                timed_get(port, path)
        print(f"{'path':<24}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'target':>10}")
        for path, (count, target) in TARGETS.items():
            with ThreadPoolExecutor(CONCURRENCY) as pool:
                results = list(pool.map(timed_get, [port] * count, [path] * count))
            statuses = {status for status, _ in results}
            times = sorted(ms for _, ms in results)
            p50 = statistics.median(times)
            p95 = times[int(len(times) * 0.95) - 1]
            flag = "" if p95 <= target and not any(s >= 500 for s in statuses) else "  MISSED"
            print(f"{path:<24}{count:>6}{p50:>10.1f}{p95:>10.1f}{target:>10.0f}{flag}")
            if flag:
                failures.append(f"{path}: p95 {p95:.1f} ms > {target} ms or 5xx {statuses}")
        workers = children(server.pid)
        for pid in workers:
            mb = rss_mb(pid)
            print(f"worker {pid}: {mb:.0f} MB resident (target {WORKER_RSS_TARGET_MB:.0f} MB)")
            if mb > WORKER_RSS_TARGET_MB:
                failures.append(f"worker {pid} uses {mb:.0f} MB")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    for failure in failures:
        print("MISSED:", failure)
    # The site search as the content grows, in a database of its own (tests/bench_search.py).
    from tests import bench_search

    search_status = bench_search.main()
    return 1 if failures or search_status else 0


if __name__ == "__main__":
    sys.exit(main())
