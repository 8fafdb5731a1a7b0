"""gunicorn settings; every value can be overridden from the environment."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", str(max(2, (os.cpu_count() or 1) * 2))))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests (a guard against slow leaks). The application
# is loaded once in the master and workers are forked from it, so a replacement costs a fork,
# not a second of loading Django (and the workers share the loaded code's memory). New code
# needs a restart of gunicorn, not a HUP.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = max_requests // 10
preload_app = True
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn 27 opens a control socket in ~/.gunicorn by default: two servers on one machine would
# collide, so it is off unless asked for.
control_socket_disable = os.environ.get("GUNICORN_CONTROL_SOCKET", "") == ""
