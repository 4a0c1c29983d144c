"""Build hook: the sample corpus in examples/ ships inside the package (storyline/examples), so that
``pip install storyline`` followed by ``storyline demo`` works outside a checkout, and so does the contract
(storyline/docs/CONTRACT.md) that ``storyline --help`` points to. Everything else is in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
EXAMPLES = ROOT / "examples"
CONTRACT = ROOT / "docs" / "CONTRACT.md"


class BuildPyWithExamples(build_py):
    def run(self) -> None:
        super().run()
        package = Path(self.build_lib) / "storyline"
        if EXAMPLES.is_dir():
            shutil.copytree(EXAMPLES, package / "examples", dirs_exist_ok=True)
        if CONTRACT.is_file():
            (package / "docs").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(CONTRACT, package / "docs" / "CONTRACT.md")


setup(cmdclass={"build_py": BuildPyWithExamples})
