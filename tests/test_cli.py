"""The command line: --check reports every problem and sets the exit code; a broken file
never starts the server and never prints a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import BUILT_IN, ROOT, TINY, read_csv, write_csv


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "app.py"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def broken(tiny_dir):
    rows = read_csv(TINY / "events.csv")
    rows[0]["date"] = "someday"
    rows[3]["kind"] = "miracle"
    return write_csv(tiny_dir / "events.csv", rows)


def test_check_built_in_data_passes():
    result = run("--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s), 0 warning(s)" in result.stdout
    assert f"{BUILT_IN}: 25 events" in result.stdout


def test_check_reports_every_problem_and_fails(broken):
    result = run("--check", str(broken))
    assert result.returncode == 1
    assert "error: events.csv, row 2, column 'date': expected a date such as" in result.stdout
    assert "found 'someday'" in result.stdout
    assert "error: events.csv, row 5, column 'kind': expected one of" in result.stdout
    assert "2 error(s), 0 warning(s)" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_serving_a_broken_file_prints_the_report_and_exits_without_starting(broken):
    result = run("--data", str(broken), "--port", "1")  # port 1 would fail if it tried to listen
    assert result.returncode == 1
    assert "row 2, column 'date'" in result.stderr
    assert "Not starting" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_file_is_reported_not_raised(tmp_path):
    result = run("--check", str(tmp_path / "nowhere.csv"))
    assert result.returncode == 1
    assert "expected a file by this name, found none" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_gunicorn_server_uses_the_environment_variable():
    code = "import app, gc; print(app.server.config['TIMELINE_DATA'], gc.get_freeze_count() > 0)"
    env = {**os.environ, "TIMELINE_DATA": str(TINY / "events.csv")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )
    # what is built before serving is frozen out of the garbage collector's passes
    assert result.stdout.strip() == f"{TINY / 'events.csv'} True", result.stderr


def test_server_attribute_fails_clearly_on_broken_data(broken):
    code = "import app; app.server"
    env = {**os.environ, "TIMELINE_DATA": str(broken)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )
    assert result.returncode != 0
    assert "row 2, column 'date'" in result.stderr
    assert "Not serving" in result.stderr
    assert "Traceback" not in result.stderr


def test_new_writes_a_starter_that_checks_and_never_overwrites(tmp_path):
    target = tmp_path / "my-history" / "events.csv"
    result = run("--new", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"\xef\xbb\xbfdate,title,")  # BOM: Excel reads accents
    checked = run("--check", str(target))
    assert checked.returncode == 0, checked.stdout
    assert f"{target}: 6 events" in checked.stdout

    target.write_text("mine", encoding="utf-8")
    again = run("--new", str(target))
    assert again.returncode == 1
    assert "already exists" in again.stderr
    assert target.read_text(encoding="utf-8") == "mine"
