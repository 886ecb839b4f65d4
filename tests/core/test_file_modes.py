"""The data directory, the SQLite files and the secret key are the owner's alone."""

import os
import stat
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_migrate_on_a_fresh_data_directory_creates_private_files(tmp_path):
    data_dir = tmp_path / "goodfit-data"
    env = {**os.environ, "GOODFIT_DATA_DIR": str(data_dir)}
    for name in ("DJANGO_SETTINGS_MODULE", "GOODFIT_DATABASE_URL", "GOODFIT_SECRET_KEY"):
        env.pop(name, None)
    run = subprocess.run(
        [sys.executable, "-m", "goodfit", "manage", "migrate"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        # A permissive umask, as a shared host might have: modes must not depend on it.
        preexec_fn=lambda: os.umask(0o022),
    )
    assert run.returncode == 0, run.stderr
    assert _mode(data_dir) == 0o700
    files = ["secret_key", "goodfit.sqlite3", "goodfit.sqlite3-wal", "goodfit.sqlite3-shm"]
    present = [name for name in files if (data_dir / name).exists()]
    assert present[:2] == ["secret_key", "goodfit.sqlite3"]
    for name in present:
        assert _mode(data_dir / name) == 0o600, name


def test_existing_database_files_are_tightened(tmp_path, monkeypatch):
    from goodfit import settings

    monkeypatch.setattr(settings, "DATA_DIR", tmp_path)
    monkeypatch.delenv("GOODFIT_DATABASE_URL", raising=False)
    for name in ("goodfit.sqlite3", "goodfit.sqlite3-wal"):
        (tmp_path / name).write_bytes(b"")
        (tmp_path / name).chmod(0o644)
    settings._database()
    assert _mode(tmp_path / "goodfit.sqlite3") == 0o600
    assert _mode(tmp_path / "goodfit.sqlite3-wal") == 0o600
