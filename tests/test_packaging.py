"""The package as a user installs it: the wheel holds every subpackage, and its commands run from a fresh venv."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "docs" / "ed_column.txt"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, as `pip wheel .` builds it."""
    dist = tmp_path_factory.mktemp("dist")
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)]
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
