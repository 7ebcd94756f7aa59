"""Import hygiene: a fresh interpreter imports a module and fails if a forbidden package was loaded.

The first screen stays light (no pydantic, TinyDB, Word or PDF libraries before it draws) and the domain
modules never load Textual, so logic stays out of the UI.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import selfassess

HEAVY = ("pydantic", "tinydb", "docx", "pypdf", "pdfplumber", "pdfminer", "bs4", "lxml")
UI = ("textual",)


def loaded_after_import(module: str) -> set[str]:
    """Top-level packages loaded by importing `module` in a fresh interpreter."""
    code = f"import sys, json, {module}; print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return set(json.loads(out.stdout))


def domain_modules() -> list[str]:
    """Every module of the package outside the Textual layer (and the CLI, which starts it)."""
    names = []
    for info in pkgutil.walk_packages(selfassess.__path__, "selfassess."):
        if info.name.startswith(("selfassess.tui", "selfassess.__main__")):
            continue
        names.append(info.name)
    return names


@pytest.mark.parametrize("module", ["selfassess.tui.app", "selfassess.tui.screens.home"])
def test_the_first_screen_loads_no_heavy_library(module: str) -> None:
    heavy = loaded_after_import(module) & set(HEAVY)
    assert not heavy, f"{module} loads {sorted(heavy)} before the first screen draws"


def test_domain_modules_load_no_textual() -> None:
    modules = domain_modules()
    assert "selfassess.store" in modules and "selfassess.scoring" in modules
    code = (
        "import importlib, json, sys\n"
        f"bad = {{}}\nfor name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    if any(m == 'textual' or m.startswith('textual.') for m in sys.modules):\n"
        "        bad[name] = True\n"
        "        break\n"
        "print(json.dumps(sorted(bad)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [], "a domain module loads Textual"


def test_the_command_line_loads_only_what_its_command_needs() -> None:
    """Parsing the command line loads no models or exporters: `selfassess extract` pays only for extraction."""
    heavy = loaded_after_import("selfassess.cli") & set(HEAVY)
    assert not heavy, f"selfassess.cli loads {sorted(heavy)} before any command runs"
