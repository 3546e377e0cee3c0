"""Refresh the scripts vendored in assets/vendor/ from their npm packages, and record them.

    .venv/bin/python scripts/vendor.py

- plotly.js's basic bundle, at the version the installed plotly (Python) expects, from
  the npm package plotly.js-basic-dist-min (serving.py says why the basic bundle);
- regenerator-runtime, which Dash's lazy-loaded chart needs once Babel's polyfill is
  left out (serving.py).

Each file is named with its version, so browsers that cached the old one fetch the new
one; assets/vendor/vendor.json records the package, version, file and SHA-256 of each, and
tests/test_packaging.py checks the files against it and against the installed plotly.
Needs npm (`npm pack` downloads a package's tarball without installing it).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from plotly.offline import get_plotlyjs_version

VENDOR = Path(__file__).resolve().parents[1] / "assets" / "vendor"
RECORD = VENDOR / "vendor.json"
REGENERATOR_VERSION = "0.14.1"


def wanted() -> list[dict]:
    plotly_js = get_plotlyjs_version()
    return [
        {
            "package": "plotly.js-basic-dist-min",
            "version": plotly_js,
            "member": "package/plotly-basic.min.js",
            "file": f"plotly-basic-{plotly_js}.min.js",
            "licence": "MIT (LICENSE-plotly.js.txt)",
        },
        {
            "package": "regenerator-runtime",
            "version": REGENERATOR_VERSION,
            "member": "package/runtime.js",
            "file": f"regenerator-runtime-{REGENERATOR_VERSION}.js",
            "licence": "MIT (LICENSE-regenerator-runtime.txt)",
        },
    ]


def fetch(entry: dict, work: Path) -> bytes:
    spec = f"{entry['package']}@{entry['version']}"
    name = (
        subprocess.run(
            ["npm", "pack", "--silent", spec], cwd=work, check=True, capture_output=True, text=True
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    with tarfile.open(work / name) as archive:
        member = archive.extractfile(entry["member"])
        if member is None:
            raise SystemExit(f"{spec} has no {entry['member']}")
        return member.read()


def main() -> int:
    record = []
    with tempfile.TemporaryDirectory() as work:
        for entry in wanted():
            data = fetch(entry, Path(work))
            stem = entry["file"].removesuffix(".js").removesuffix(".min")
            stem = stem.removesuffix(entry["version"])  # "plotly-basic-"
            for old in VENDOR.glob(f"{stem}*.js"):  # an older version goes
                if old.name != entry["file"]:
                    old.unlink()
            (VENDOR / entry["file"]).write_bytes(data)
            record.append({**entry, "sha256": hashlib.sha256(data).hexdigest()})
            print(f"{entry['file']}: {entry['package']} {entry['version']}")
    RECORD.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
