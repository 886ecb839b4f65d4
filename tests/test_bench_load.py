"""`bench/load.py --smoke`: the load benchmark runs end to end on data it builds itself.

No timing is checked (the machine running the tests may be busy): only that every
simulated person signs in and every request of the mix succeeds, on both servers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from goodfit.core.gunicorn_app import gunicorn_available

BENCH = Path(__file__).resolve().parent.parent / "bench" / "load.py"


@pytest.mark.skipif(not gunicorn_available(), reason="the benchmark serves with gunicorn")
@pytest.mark.skipif(
    bool(os.environ.get("GOODFIT_DATABASE_URL")),
    reason="the benchmark runs on SQLite, in the suite's SQLite pass",
)
def test_load_smoke_serves_the_whole_mix_without_an_error(tmp_path):
    figures = tmp_path / "load.json"
    command = [sys.executable, str(BENCH), "--smoke", "--out", str(tmp_path)]
    done = subprocess.run(
        [*command, "--json", str(figures)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads(figures.read_text())["results"]
    assert [r["workers"] for r in results] == [1, os.cpu_count() or 1]
    for result in results:
        assert result["requests"] > 0 and result["errors"] == 0
    assert "requests/s" in done.stdout
