"""The package: what the code imports is declared, and what is declared is pinned in the lock."""

from __future__ import annotations

import ast
import hashlib
import json
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
MODULES = {path.stem for path in ROOT.glob("*.py")}  # app, cli, serving...
PACKAGES = {path.parent.name for path in ROOT.glob("*/__init__.py")} - {"tests", "bench"}
OURS = MODULES | PACKAGES | {"tests", "bench"}


def _pins(requirements: list[str]) -> dict[str, str]:
    pins = {}
    for line in requirements:
        if match := re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)", line.strip()):
            pins[match[1].lower().replace("_", "-")] = match[2]
    return pins


DECLARED = _pins(PYPROJECT["project"]["dependencies"])
LOCKED = _pins((ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())


def imported_modules() -> set[str]:
    """Top-level modules the app's code imports (not the tests' or the benchmark's)."""
    names = set()
    files = [ROOT / f"{name}.py" for name in MODULES]
    for folder in PACKAGES:
        files += (ROOT / folder).rglob("*.py")
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - OURS - set(sys.stdlib_module_names) - {"__future__"}


def test_every_package_the_code_imports_is_a_declared_dependency():
    distributions = packages_distributions()
    for module in sorted(imported_modules()):
        names = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
        assert names & set(DECLARED), f"'{module}' is imported but not in pyproject.toml"


def test_every_declared_dependency_is_pinned_in_the_lock_at_the_same_version():
    for name, version in DECLARED.items():
        assert LOCKED.get(name) == version, f"{name}: pyproject {version}, lock {LOCKED.get(name)}"


def test_the_lock_pins_what_the_dependencies_need_in_turn():
    # flask needs werkzeug, blinker, itsdangerous, click; pandas needs python-dateutil; dash needs retrying
    for name in ("blinker", "itsdangerous", "click", "python-dateutil", "retrying"):
        assert name in LOCKED, f"{name} is installed but not pinned"


def test_the_package_holds_every_module_and_package_of_the_app():
    setuptools = PYPROJECT["tool"]["setuptools"]
    assert set(setuptools["py-modules"]) == MODULES
    assert set(setuptools["packages"]["find"]["include"]) == {f"{name}*" for name in PACKAGES}


def test_the_command_is_declared():
    assert PYPROJECT["project"]["scripts"] == {"timeline": "cli:main"}


VENDOR = ROOT / "assets" / "vendor"


def test_the_vendored_plotly_js_is_the_version_the_installed_plotly_expects():
    from plotly.offline import get_plotlyjs_version

    record = {entry["package"]: entry for entry in json.loads((VENDOR / "vendor.json").read_text())}
    expected = get_plotlyjs_version()
    assert record["plotly.js-basic-dist-min"]["version"] == expected, (
        "plotly (Python) expects plotly.js " + expected + ": run scripts/vendor.py"
    )
    bundles = sorted(p.name for p in VENDOR.glob("plotly-basic-*.js"))
    assert bundles == [f"plotly-basic-{expected}.min.js"]
    header = (VENDOR / bundles[0]).read_text(encoding="utf-8")[:200]
    assert f"v{expected}" in header


def test_each_vendored_file_is_what_its_record_says():
    for entry in json.loads((VENDOR / "vendor.json").read_text()):
        data = (VENDOR / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["file"]
