"""Fifty people at once: requests/s and latency of `goodfit serve` under concurrent users.

    python bench/load.py                           # 50 clients, 60 s each, 100,000 deals
    python bench/load.py --deals 20000 --seconds 30
    python bench/load.py --smoke                   # tiny data, 5 clients, 3 s, no timing

Builds (or reuses) bench/out/demo-N with `goodfit demo --deals N --no-serve`. Then, for one
process (`--workers 1 --threads 8`, the baseline) and for one worker per core, it starts
`goodfit serve` on a free loopback port, signs every client in as a demo user and lets
the clients loop over a realistic mix (board, deal page, log an interaction, search, API
deal list, a discovery answer) for --seconds, each pausing about --think seconds between
requests as a person does. Prints requests/s, p50/p95/p99 and errors per server and per
action. Exits 1 on any error, or when the multi-process p95 is over 300 ms (--no-check
skips the timing check).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from load_client import MIX, Client, Sample, run_client

HERE = Path(__file__).resolve().parent
TARGET_P95_MS = 300.0
USERS = ("maria", "olivia", "raj", "sam", "admin")  # the demo team's members
STARTUP_SECONDS = 180


# --- the fixtures of a run, prepared in a process whose settings point at the data ------


def _question(deal: Any) -> tuple[str, list[str]] | None:
    """A discovery question of the deal's playbook, and answers to alternate between."""
    from goodfit.fit.domain.playbook import AnswerType
    from goodfit.fit.selectors import compiled, current_version

    row = current_version(deal.offering_id)
    if row is None:
        return None
    answers = {
        AnswerType.NUMBER: ["2", "3", "5", "8"],
        AnswerType.MONEY: ["1200", "2500", "4800"],
        AnswerType.YES_NO: ["yes", "no"],
    }
    for question in compiled(row).questions.values():
        if question.type in answers:
            return question.key, answers[question.type]
    return None


def prepare_fixtures(sample: int) -> dict[str, Any]:
    """Tokens for the API, deals with a question to answer, words to search for."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goodfit.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from goodfit.core.models import ApiToken
    from goodfit.core.services import token_create, token_revoke
    from goodfit.demo.load import TEAM_NAME
    from goodfit.pipeline.models import Deal

    for old in ApiToken.objects.filter(name="load benchmark", revoked_at__isnull=True):
        token_revoke(token=old)
    users = get_user_model().objects.filter(username__in=USERS)
    tokens = [token_create(user=user, name="load benchmark")[1] for user in users]
    open_deals = Deal.objects.filter(team__name=TEAM_NAME, closed_at__isnull=True)
    deals = []
    for deal in open_deals.select_related("prospect").order_by("?")[: sample * 2]:
        question = _question(deal)
        if question and len(deals) < sample:
            deals.append(
                {
                    "page": reverse("deal-detail", args=[deal.pk]),
                    "compose": reverse("deal-compose", args=[deal.pk]),
                    "answer": reverse("fit-answer", args=[deal.pk]),
                    "question": question[0],
                    "values": question[1],
                    "word": (deal.prospect.company or deal.prospect.name).split()[0],
                }
            )
    return {
        "login": reverse("login"),
        "board": reverse("board"),
        "search": reverse("search"),
        "api": "/api/v1/deals",
        "tokens": tokens,
        "deals": deals,
    }


# --- one server configuration -----------------------------------------------------------


def _environment(data_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "GOODFIT_DATA_DIR": str(data_dir),
        "GOODFIT_HTTPS": "0",
        "DJANGO_SETTINGS_MODULE": "goodfit.settings",
        # Fifty sign-ins from one address within a minute are the benchmark, not an attack.
        "GOODFIT_LOGIN_FAILURE_LIMIT": "1000",
    }
    env.pop("GOODFIT_DATABASE_URL", None)
    return env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(data_dir: Path, workers: int, threads: int) -> tuple[subprocess.Popen, int]:
    import http.client

    port = _free_port()
    command = [sys.executable, "-m", "goodfit", "serve", "--port", str(port)]
    command += ["--workers", str(workers), "--threads", str(threads)]
    server = subprocess.Popen(
        command, env=_environment(data_dir), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and server.poll() is None:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server, port
        except OSError:
            time.sleep(0.3)
    stop_server(server)
    raise SystemExit(f"goodfit serve did not start: {server.stdout.read().decode()}")


def stop_server(server: subprocess.Popen) -> str:
    server.send_signal(signal.SIGTERM)
    try:
        output, _ = server.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        output, _ = server.communicate()
    return output.decode(errors="replace")


def measure(data_dir: Path, fixtures: dict, config: dict, args: argparse.Namespace) -> dict:
    server, port = start_server(data_dir, config["workers"], config["threads"])
    try:
        clients = [
            Client(port, fixtures, USERS[i % len(USERS)], fixtures["tokens"][i % 5], rng)
            for i, rng in enumerate(random.Random(f"{args.seed}-{i}") for i in range(args.clients))
        ]
        _warm_up(clients, every_action=not args.smoke)
        samples: list[Sample] = []
        until = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=run_client, args=(c, until, args.think, samples))
            for c in clients
        ]
        cpu, started = server_cpu_seconds(server.pid), time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        cpu = server_cpu_seconds(server.pid) - cpu
        for client in clients:  # else a graceful stop waits for their kept-alive connections
            if client.connection is not None:
                client.connection.close()
    finally:
        log = stop_server(server)
    return summarize(samples, elapsed, config, log) | {"cpu_seconds": cpu}


def server_cpu_seconds(pid: int) -> float:
    """CPU time used so far by the server and its workers (Linux /proc; else 0): the
    cost of a request whatever else the machine is doing, unlike its latency."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK") if ticks else 0.0


def _warm_up(clients: list[Client], every_action: bool) -> None:
    """Sign everyone in, then each client does one action of the mix, untimed, so the
    figures are of a running server, not of each worker's first template compilations."""
    from concurrent.futures import ThreadPoolExecutor

    def start(numbered: tuple[int, Client]) -> None:
        number, client = numbered
        client.sign_in()
        if every_action:
            with contextlib.suppress(Exception):  # the timed run counts failures
                client.act(MIX[number % len(MIX)][0])

    with ThreadPoolExecutor(len(clients)) as pool:
        list(pool.map(start, enumerate(clients)))


def _cuts(values: list[float]) -> dict[str, float]:
    if len(values) < 2:
        value = values[0] if values else 0.0
        return {"p50": value, "p95": value, "p99": value}
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {"p50": cuts[49], "p95": cuts[94], "p99": cuts[98]}


def summarize(samples: list[Sample], elapsed: float, config: dict, log: str) -> dict:
    errors = [s for s in samples if s.error]
    actions = {}
    for name, _ in MIX:
        own = [s for s in samples if s.action == name]
        actions[name] = {
            "requests": len(own),
            "errors": sum(1 for s in own if s.error),
            **_cuts([s.ms for s in own]),
        }
    return {
        **config,
        "requests": len(samples),
        "rps": len(samples) / elapsed if elapsed else 0.0,
        "errors": len(errors),
        "error_kinds": sorted({f"{s.action}: {s.error}" for s in errors}),
        **_cuts([s.ms for s in samples]),
        "actions": actions,
        "server_log_tail": log.splitlines()[-20:] if errors else [],
    }


# --- orchestrating ----------------------------------------------------------------------


def prepare_data(size: int, out: Path, console: Any) -> Path:
    data_dir = out / f"demo-{size}"
    started = time.monotonic()
    command = [sys.executable, "-m", "goodfit", "demo", "--deals", str(size), "--no-serve"]
    env = _environment(data_dir)
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        console.print(done.stderr)
        raise SystemExit(f"goodfit demo --deals {size} failed")
    verb = "reused" if "already loaded" in done.stdout else "built"
    console.print(f"{size:,} deals: {verb} {data_dir} in {time.monotonic() - started:.1f} s")
    return data_dir


def load_fixtures(data_dir: Path, sample: int) -> dict:
    command = [sys.executable, __file__, "--fixtures", str(sample)]
    env = _environment(data_dir)
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"preparing the clients failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min)"


def report(results: list[dict], args: argparse.Namespace, console: Any) -> bool:
    from rich.table import Table

    title = f"{args.clients} clients, {args.seconds:g} s each, think ≈{args.think:g} s"
    table = Table(title=f"{title}, {args.deals:,} deals (SQLite)")
    columns = ("server", "requests/s", "p50 ms", "p95 ms", "p99 ms", "errors", "CPU ms/req")
    for column in columns:
        table.add_column(column, justify="left" if column == "server" else "right")
    for result in results:
        cpu = result["cpu_seconds"] * 1000 / result["requests"] if result["requests"] else 0
        table.add_row(
            result["label"],
            f"{result['rps']:.1f}",
            f"{result['p50']:.0f}",
            f"{result['p95']:.0f}",
            f"{result['p99']:.0f}",
            str(result["errors"]) if not result["errors"] else f"[red]{result['errors']}[/red]",
            f"{cpu:.0f}",
        )
    console.print(table)
    main = results[-1]
    actions = Table(title=f"per action, {main['label']}")
    for column in ("action", "requests", "p50 ms", "p95 ms", "p99 ms", "errors"):
        actions.add_column(column, justify="left" if column == "action" else "right")
    for name, figures in main["actions"].items():
        row = [f"{figures[k]:.0f}" for k in ("p50", "p95", "p99")]
        actions.add_row(name, str(figures["requests"]), *row, str(figures["errors"]))
    console.print(actions)
    if results[0]["rps"]:
        console.print(f"Throughput: {main['rps'] / results[0]['rps']:.2f}× the single process")
    console.print(f"Machine: {os.cpu_count()} CPU cores, {_load()} at the end of the run")
    healthy = True
    for result in results:
        for kind in result["error_kinds"]:
            console.print(f"[red]{result['label']}: {kind}[/red]")
        if result["errors"]:
            console.print("\n".join(result["server_log_tail"]))
        healthy = healthy and not result["errors"]
    if not args.no_check and main["p95"] > TARGET_P95_MS:
        console.print(f"[red]p95 {main['p95']:.0f} ms is over {TARGET_P95_MS:.0f} ms[/red]")
        healthy = False
    return healthy


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=100_000, help="demo deals (100000)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (50)")
    parser.add_argument("--seconds", type=float, default=60, help="per server (60)")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause, s (1; 0: none)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="(cores)")
    parser.add_argument("--threads", type=int, default=4, help="per worker (4)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=HERE / "out", help="data directories")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--no-check", action="store_true", help="no p95 check (errors count)")
    parser.add_argument("--smoke", action="store_true", help="tiny data, 5 clients, 3 s")
    parser.add_argument("--fixtures", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.smoke:
        args.deals, args.clients, args.seconds, args.no_check = 15, 5, 3.0, True
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.fixtures:
        print(json.dumps(prepare_fixtures(args.fixtures)))
        return 0
    from rich.console import Console

    console = Console()
    if not console.is_terminal:
        console.width = 100
    data_dir = prepare_data(args.deals, args.out, console)
    fixtures = load_fixtures(data_dir, sample=min(500, args.deals))
    configs = [
        {"label": "1 process × 8 threads", "workers": 1, "threads": 8},
        {
            "label": f"{args.workers} workers × {args.threads} threads",
            "workers": args.workers,
            "threads": args.threads,
        },
    ]
    results = []
    for config in configs:
        console.print(f"{config['label']}: {args.clients} clients for {args.seconds:g} s…")
        results.append(measure(data_dir, fixtures, config, args))
    if args.json:
        args.json.write_text(
            json.dumps(
                {"args": vars(args) | {"out": str(args.out)}, "results": results},
                indent=2,
                default=str,
            )
        )
    return 0 if report(results, args, console) else 1


if __name__ == "__main__":
    sys.exit(main())
