"""`make loadtest`: 25 simulated people against Kinfolk on SQLite and on PostgreSQL.

For each database this prepares a demo area (migrate, `demo`), starts the server itself on
127.0.0.1 only (SQLite: the `make run` server, `manage.py serve`; PostgreSQL: gunicorn with
threaded workers), runs locust headless for DURATION, stops the server, and prints per-page
median and p95 response times and the error count. Every step is bounded in time.

Exits non-zero when any request got a server error (5xx), no answer, or an unexpected answer,
or when the server logged an error. It reports pages over the p95 target (300 ms) on
PostgreSQL; with --p95-limit-ms it also fails on them.

    python benchmarks/loadtest/run.py [--database sqlite|postgres|both] [--duration 3m]
"""

import argparse
import csv
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
BIN = Path(PYTHON).parent
LOCUSTFILE = Path(__file__).with_name("locustfile.py")
SQLITE_URL = f"sqlite:///{ROOT / 'var' / 'loadtest.sqlite3'}"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/kinfolk_loadtest"
PREPARE_SECONDS = 600
START_SECONDS = 90
STOP_SECONDS = 20
# The target for every page on PostgreSQL; reported always, enforced with --p95-limit-ms.
P95_TARGET_MS = 300


def seconds(duration: str) -> int:
    """'3m', '20s', '1h' or a number of seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    if duration[-1:] in units:
        return int(float(duration[:-1]) * units[duration[-1]])
    return int(duration)


def server_env(database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "kinfolk.config.settings.local",
        "KINFOLK_DEMO": "1",
        # Each simulated person sends their own X-Forwarded-For, as if from their own address.
        "KINFOLK_TRUSTED_PROXIES": "1",
        "PYTHONUNBUFFERED": "1",
    }


def ensure_postgres_database(database_url: str) -> None:
    """Create the load test's PostgreSQL database if it is not there yet."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(database_url)
    try:
        conn = psycopg.connect(
            host=config["HOST"] or "127.0.0.1",
            port=config["PORT"] or 5432,
            user=config["USER"] or "postgres",
            password=config["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
            connect_timeout=10,
        )
    except psycopg.OperationalError as error:
        raise SystemExit(
            f"PostgreSQL did not answer at {config['HOST']}:{config['PORT']} ({error}). Set "
            "LOADTEST_DATABASE_URL, or run SQLite only: LOADTEST_ARGS='--database sqlite'."
        ) from error
    with conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{config["NAME"]}"')


def prepare(database_url: str) -> None:
    """Migrate and load the demo area (idempotent: a second run only tops it up)."""
    env = server_env(database_url)
    deadline = time.monotonic() + PREPARE_SECONDS
    for command in (["migrate", "--noinput"], ["demo"]):
        left = max(1, deadline - time.monotonic())
        subprocess.run(
            [PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, timeout=left,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip


def server_command(database: str, port: int, sqlite_server: str = "serve") -> list[str]:
    """`manage.py serve` (gunicorn, threaded: what `make run` serves with) for both databases;
    Django's `runserver` on SQLite for comparison."""
    if database == "sqlite" and sqlite_server == "runserver":
        return [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    return [PYTHON, "manage.py", "serve", "--port", str(port)]


def start_server(
    database: str, database_url: str, port: int, log: Path, sqlite_server: str
) -> subprocess.Popen:
    """Start the server in its own process group and wait until it answers."""
    env = server_env(database_url)
    if database == "postgres":
        env["DATABASE_CONN_MAX_AGE"] = env.get("DATABASE_CONN_MAX_AGE", "60")
    server = subprocess.Popen(
        server_command(database, port, sqlite_server), cwd=ROOT, env=env, start_new_session=True,
        stdout=log.open("w"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"The server stopped while starting; see {log}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5):
                return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    stop_server(server)
    raise SystemExit(f"The server did not answer within {START_SECONDS} s; see {log}")


def stop_server(server: subprocess.Popen) -> None:
    """Ask the server's whole process group to stop; insist if it has not within a while."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=STOP_SECONDS)


def run_locust(port: int, users: int, duration: str, prefix: Path) -> int:
    command = [
        str(BIN / "locust"), "-f", str(LOCUSTFILE), "--headless", "--only-summary",
        "--users", str(users), "--spawn-rate", "2", "--run-time", duration,
        "--host", f"http://127.0.0.1:{port}", "--csv", str(prefix), "--stop-timeout", "10",
        "--loglevel", "WARNING",
    ]  # fmt: skip
    try:
        return subprocess.run(command, cwd=ROOT, timeout=seconds(duration) + 120).returncode
    except subprocess.TimeoutExpired:
        print("locust did not finish in time")
        return 124


def report(prefix: Path, label: str, p95_limit_ms: int | None) -> tuple[int, list[str]]:
    """Print per-page figures; returns the number of failed requests and pages over the limit."""
    with open(f"{prefix}_stats.csv", newline="") as stats_file:
        rows = list(csv.DictReader(stats_file))
    pages = [r for r in rows if r["Name"] != "Aggregated"]
    total = next(r for r in rows if r["Name"] == "Aggregated")
    width = max(len(f"{r['Type']} {r['Name']}") for r in pages)
    print(f"\n{label}: per page (ms)")
    print(f"{'page'.ljust(width)}  {'count':>6} {'fails':>5} {'p50':>6} {'p95':>6} {'max':>6}")
    over = []
    for r in sorted(pages, key=lambda r: r["Name"]):
        name = f"{r['Type']} {r['Name']}"
        p95 = float(r["95%"]) if r["95%"] not in ("", "N/A") else 0.0
        if p95_limit_ms is not None and p95 > p95_limit_ms:
            over.append(name)
        print(
            f"{name.ljust(width)}  {r['Request Count']:>6} {r['Failure Count']:>5} "
            f"{r['50%']:>6} {r['95%']:>6} {float(r['Max Response Time']):>6.0f}"
        )
    print(
        f"{'all pages'.ljust(width)}  {total['Request Count']:>6} {total['Failure Count']:>5} "
        f"{total['50%']:>6} {total['95%']:>6} {float(total['Max Response Time']):>6.0f}"
    )
    return int(total["Failure Count"]), over


def server_errors_logged(log: Path) -> int:
    text = log.read_text(errors="replace")
    return text.count("Internal Server Error") + text.count("Traceback (most recent call last)")


def load_test(database: str, args) -> bool:
    database_url = args.sqlite_url if database == "sqlite" else args.postgres_url
    label = "SQLite (make run)" if database == "sqlite" else "PostgreSQL (gunicorn)"
    print(f"\n== {label}: preparing the demo area", flush=True)
    if database == "postgres":
        ensure_postgres_database(database_url)
    prepare(database_url)
    out = Path(args.output) if args.output else Path(tempfile.mkdtemp(prefix="kinfolk-load-"))
    out.mkdir(parents=True, exist_ok=True)
    log, prefix = out / f"server-{database}.log", out / f"locust-{database}"
    server = start_server(database, database_url, args.port, log, args.sqlite_server)
    print(f"== {label}: {args.users} people for {args.duration} (server log: {log})", flush=True)
    try:
        code = run_locust(args.port, args.users, args.duration, prefix)
    finally:
        stop_server(server)
    target = args.p95_limit_ms or P95_TARGET_MS
    failures, over = report(prefix, label, target if database == "postgres" else None)
    logged = server_errors_logged(log)
    print(f"{label}: {failures} failed requests, {logged} server errors logged, locust exit {code}")
    if database == "postgres":
        print(f"{label}: p95 target {target} ms " + (f"missed on {len(over)} pages: "
              + ", ".join(over) if over else "met on every page"))  # fmt: skip
    missed = bool(over) and args.p95_limit_ms is not None
    return code == 0 and failures == 0 and logged == 0 and not missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--duration", default=os.environ.get("DURATION", "3m"))
    parser.add_argument("--users", type=int, default=25)
    parser.add_argument("--port", type=int, default=int(os.environ.get("LOADTEST_PORT", "8347")))
    parser.add_argument("--sqlite-url", default=os.environ.get("LOADTEST_SQLITE_URL", SQLITE_URL))
    parser.add_argument(
        "--postgres-url", default=os.environ.get("LOADTEST_DATABASE_URL", POSTGRES_URL)
    )
    parser.add_argument("--sqlite-server", choices=["serve", "runserver"], default="serve")
    parser.add_argument("--p95-limit-ms", type=int, default=None)
    parser.add_argument("--output", help="keep the server logs and locust CSVs here")
    args = parser.parse_args()
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    results = {database: load_test(database, args) for database in databases}
    print("\n" + ", ".join(f"{d}: {'passed' if ok else 'FAILED'}" for d, ok in results.items()))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
