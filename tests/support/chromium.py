"""Where Debian's Chromium is, and the flags every Chromium this project starts gets.

The flags (from ../shared/browser.md) stop every outside DNS query and connection: an
accidental link to the internet fails loudly, as it would in a lecture hall with no network.
The browser tests, the benchmark and the image exports use the same set.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
