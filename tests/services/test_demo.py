"""The demo corpus and the contract ship inside the package, so an installed copy runs `storyline demo` anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.errors import UsageError
from storyline.services import demo

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the build puts into a wheel: `setup.py build_py` into a folder outside the checkout."""
    if not (REPO / "setup.py").is_file():
        pytest.skip("not a source checkout")
    out = tmp_path_factory.mktemp("built")
    subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(out)], cwd=REPO, check=True,
                   capture_output=True)
    return out


def test_built_package_carries_the_examples_and_the_contract(built: Path) -> None:
    package = built / "storyline"
    shipped = sorted(p.relative_to(package / "examples") for p in (package / "examples").rglob("*") if p.is_file())
    source = sorted(p.relative_to(REPO / "examples") for p in (REPO / "examples").rglob("*") if p.is_file())
    assert shipped == source and shipped
    assert (package / "docs" / "CONTRACT.md").read_text(encoding="utf-8") == (
        REPO / "docs" / "CONTRACT.md").read_text(encoding="utf-8")


def test_installed_copy_finds_its_own_examples_outside_the_checkout(built: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "STORYLINE_EXAMPLES"} | {"PYTHONPATH": str(built)}
    code = "from storyline.services.demo import examples_dir; print(examples_dir())"
    found = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True, capture_output=True,
                           text=True).stdout.strip()
    assert Path(found) == built / "storyline" / "examples"
    helped = subprocess.run([sys.executable, "-m", "storyline", "--help"], cwd=tmp_path, env=env, check=True,
                            capture_output=True, text=True).stdout
    assert str(built / "storyline" / "docs" / "CONTRACT.md") in "".join(helped.split())  # however it is wrapped


def test_examples_dir_prefers_the_environment_and_explains_when_nothing_is_found(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("STORYLINE_EXAMPLES", str(tmp_path))
    assert demo.examples_dir() == tmp_path
    monkeypatch.setattr(demo, "__file__", str(tmp_path / "a" / "b" / "c" / "demo.py"))
    monkeypatch.setenv("STORYLINE_EXAMPLES", str(tmp_path / "missing"))
    with pytest.raises(UsageError, match="sample corpus not found"):
        demo.examples_dir()
