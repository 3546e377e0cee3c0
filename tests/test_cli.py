"""The command line: --check reports every problem and sets the exit code; a broken file
never starts the server and never prints a traceback."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from guard.limits import MAX_BODY_BYTES
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


def test_help_lists_the_four_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("serve", "check", "new", "export"):
        assert command in result.stdout
    for command in ("serve", "check", "new", "export"):
        assert run(command, "--help").returncode == 0


@pytest.mark.parametrize(
    "args",
    [
        ("--no-such-option",),
        ("export", "--format", "gif", "--out", "x.gif"),
        ("export", "--format", "png"),  # no --out
        ("serve", "--port", "eighty"),
    ],
)
def test_wrong_usage_exits_2_with_a_message_not_a_traceback(args):
    result = run(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("serve", "--frame-ancestors", "'self'; script-src *"), {}),
        (("serve",), {"TIMELINE_FRAME_ANCESTORS": "<x>"}),
    ],
    ids=["option", "environment"],
)
def test_a_framing_setting_that_would_change_the_policy_stops_the_server(args, env):
    result = run(*args, env=env)
    assert result.returncode == 2
    assert "Not starting: TIMELINE_FRAME_ANCESTORS: expected sources" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Serving on" not in result.stdout


def test_check_subcommand_and_its_exit_code(broken):
    assert run("check", str(TINY / "events.csv")).returncode == 0
    result = run("check", str(broken))
    assert result.returncode == 1
    assert "row 2, column 'date'" in result.stdout


def test_export_refuses_a_query_the_page_would_ignore(tmp_path):
    out = tmp_path / "slide.png"
    result = run(
        "export", "--format", "png", "--out", str(out), "--query", "kind=bogus", "--lang", "xx"
    )
    assert result.returncode == 2
    assert "unknown kind 'bogus'" in result.stderr
    assert "unknown language 'xx'" in result.stderr
    assert not out.exists()
    assert "Traceback" not in result.stderr


def test_export_into_a_missing_folder_says_so(tmp_path):
    result = run("export", "--format", "html", "--out", str(tmp_path / "nowhere" / "h.html"))
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == f"Cannot write {tmp_path / 'nowhere' / 'h.html'}: the folder {tmp_path / 'nowhere'} does not exist."
    )


def test_export_without_chromium_says_what_to_install(tmp_path):
    env = {"PATH": str(tmp_path), "BROWSER_PATH": ""}  # no chromium, chrome... on this PATH
    result = run("export", "--format", "png", "--out", str(tmp_path / "s.png"), env=env)
    assert result.returncode == 3
    assert "no Chromium or Chrome found" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_export_without_pango_says_what_to_install(tmp_path):
    fake = tmp_path / "fake"
    fake.mkdir()
    # WeasyPrint raises OSError at import when the pango libraries are missing
    (fake / "weasyprint.py").write_text("raise OSError('cannot load library libpango')\n")
    env = {"PYTHONPATH": str(fake)}
    result = run("export", "--format", "pdf", "--out", str(tmp_path / "h.pdf"), env=env)
    assert result.returncode == 3
    assert "pango libraries are missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_says_what_it_wrote(tmp_path):
    out = tmp_path / "h.html"
    result = run("export", "--format", "html", "--out", str(out), "--query", "kind=trial")
    assert result.returncode == 0, result.stderr
    assert re.search(
        rf"^Wrote {re.escape(str(out))} \(\d+ events\) in \d+\.\d s$", result.stdout, re.M
    )


def chunked_post_status(port: int, size: int) -> str:
    """The status line a server answers to a body of `size` bytes sent in chunks; the
    server may close the connection before it is all sent (that is the point)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(
            b"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"10000\r\n" + b"x" * 65536 + b"\r\n"
        try:
            for _ in range(size // 65536):
                sock.sendall(chunk)
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = sock.makefile("rb").readline()
    return answer.decode("latin-1").strip()


def test_serve_uses_a_production_server_without_a_banner(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, str(ROOT / "app.py"), "serve", "--data", str(TINY / "events.csv")]
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    headers, status = answer.headers, answer.status
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer within 60 s"
                time.sleep(0.3)
        # A body in chunks says no length up front: the server still stops it at the limit.
        refused = chunked_post_status(port, MAX_BODY_BYTES + 2 * 65536)
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    assert status == 200
    # by waitress itself, before it buffers the body (the app's own 413 says "Content
    # Too Large", after waitress has kept up to 1 GB of it)
    assert refused == "HTTP/1.1 413 Request Entity Too Large"
    assert "Server" not in headers  # no name or version for a visitor to look up
    assert f"Serving on http://127.0.0.1:{port}/" in out
    assert "development server" not in out + err
