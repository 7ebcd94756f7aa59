"""The package as a user installs it: the wheel holds every subpackage, and its commands run from a fresh venv."""

from __future__ import annotations

import ast
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "docs" / "ed_column.txt"


PROJECT_FILES = ("pyproject.toml", "setup.py", "README.md")
# Stylesheets a widget or screen may add in its own folder: the package data must pick them up by glob.
PROBE_STYLES = ("selfassess/tui/widgets/probe.tcss", "selfassess/tui/screens/probe.tcss")


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project, plus a stylesheet in two tui subfolders (as a new widget would add one)."""
    root = tmp_path_factory.mktemp("source")
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("selfassess", "criteria"):
        shutil.copytree(ROOT / folder, root / folder, ignore=skip)
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, root / name)
    for probe in PROBE_STYLES:
        (root / probe).write_text("Static { color: red; }\n")
    return root


@pytest.fixture(scope="module")
def wheel(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from the project, as `pip wheel .` builds it."""
    dist = tmp_path_factory.mktemp("dist")
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        str(dist),
        str(source),
    ]
    build = subprocess.run(cmd, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    return next(dist.glob("selfassess-*.whl"))


def test_the_wheel_holds_every_subpackage_and_the_role_library(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = sorted(str(p.parent.relative_to(ROOT)) for p in (ROOT / "selfassess").rglob("__init__.py"))
    assert len(packages) > 5
    missing = [p for p in packages if f"{p}/__init__.py" not in names]
    assert not missing, f"left out of the wheel: {missing}"
    assert "selfassess/criteria/scales.toml" in names
    assert "selfassess/tui/app.tcss" in names


def test_the_wheel_holds_every_stylesheet_and_the_spelling_data(source: Path, wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    styles = sorted(str(p.relative_to(source)) for p in (source / "selfassess" / "tui").rglob("*.tcss"))
    assert set(PROBE_STYLES) < set(styles)
    missing = [s for s in styles if s not in names]
    assert not missing, f"stylesheets left out of the wheel: {missing}"
    data = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "selfassess" / "spelling" / "data").iterdir() if p.is_file()
    )
    assert data and not [d for d in data if d not in names], f"spelling data left out: {data}"


def declared_dependencies() -> set[str]:
    """The distribution names in pyproject's ``dependencies``, normalised."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {canonical(re.split(r"[<>=!~;\[ ]", dep, maxsplit=1)[0]) for dep in project["dependencies"]}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def third_party_imports() -> dict[str, set[str]]:
    """Every top-level package selfassess/ imports outside the standard library, with the files importing it."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / "selfassess").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "selfassess":
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_third_party_import_is_a_declared_dependency() -> None:
    """A package imported only because another dependency happens to pull it in breaks the day that one stops."""
    imports = third_party_imports()
    assert {"textual", "pydantic", "docx", "pdfplumber"} <= set(imports)
    owners = importlib.metadata.packages_distributions()
    declared = declared_dependencies()
    undeclared = {}
    for top, files in sorted(imports.items()):
        distributions = {canonical(d) for d in owners.get(top, [])}
        assert distributions, f"{top} (imported by {sorted(files)}) is not installed"
        if not distributions & declared:
            undeclared[top] = (sorted(distributions), sorted(files)[:3])
    assert not undeclared, f"imported but not in pyproject dependencies: {undeclared}"


def test_commands_run_from_a_fresh_virtual_environment(wheel: Path, tmp_path: Path) -> None:
    """Install the wheel (no editable install) into a new venv and run the CLI from there, away from the checkout."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    new_python = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(new_python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    install = [sys.executable, "-m", "pip", "--python", str(new_python), "install", "--no-deps", "-q", str(wheel)]
    done = subprocess.run(install, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    # The dependencies come from the test environment; a plain path line (not processed as a site dir) so the
    # checkout's editable install is not seen.
    (site / "_deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    env = {
        "PATH": f"{env_dir / 'bin'}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "SELFASSESS_SESSIONS": str(tmp_path / "sessions"),
        "SELFASSESS_ROLES": str(tmp_path / "roles"),
        "LANG": "C.UTF-8",
    }
    exe = str(env_dir / "bin" / "selfassess")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([exe, *args], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)

    where = subprocess.run(
        [str(new_python), "-c", "import selfassess; print(selfassess.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert where.stdout.startswith(str(site)), where.stdout + where.stderr

    roles = run("roles", "--json")
    assert roles.returncode == 0, roles.stderr
    assert len(json.loads(roles.stdout)) >= 5

    extracted = run("extract", str(FIXTURE), "--json")
    assert extracted.returncode == 0, extracted.stderr
    assert json.loads(extracted.stdout)["criteria"]

    usage = run("--help")
    assert usage.returncode == 0, usage.stderr
    assert "extract" in usage.stdout
    assert os.path.exists(exe)
