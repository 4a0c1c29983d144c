"""The house rules of docs/ARCHITECTURE.md, read from the source: only the store knows the tables, and layers
import downward.

Every ``import`` of every module under ``src/storyline`` is read with :mod:`ast` (also imports inside functions
and under ``TYPE_CHECKING``), relative imports resolved. A module belongs to the top-level package it sits in
(``storyline.nlp.claims`` -> ``nlp``); what the root package holds (``__version__``) anyone may import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "storyline"

# Lowest first. A package may import its own modules and any package of an earlier layer, nothing else: not a
# later layer, and not another package of its own layer (ingest and nlp know nothing of each other).
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors"}),  # the one exception tree
    frozenset({"model", "config", "progress", "registry"}),  # records; settings; progress reporting; plugin registries
    frozenset({"text"}),  # shared word lists and text helpers
    frozenset({"ingest", "nlp"}),  # readers; per-document stages
    frozenset({"corpus"}),  # cross-document steps, pure
    frozenset({"store"}),  # the only package that knows the tables
    frozenset({"services"}),  # what the shells call
    frozenset({"scale"}),  # the Ray engine, over the services
    frozenset({"export"}),  # one module per format; contract.py: the public record shapes
    frozenset({"queries"}),  # page shapes over the store's read methods
    frozenset({"publish", "terminal"}),
    frozenset({"web"}),
    frozenset({"cli"}),
    frozenset({"__main__"}),
)
# The store keeps records and tables; how records are made (reading, analysing) is not its business.
STORE_MAY_IMPORT = LAYERS[0] | LAYERS[1] | LAYERS[2]
# Only modules under store/ may import these.
TABLE_MODULES = ("sqlalchemy", "alembic", "storyline.store.schema", "storyline.store.posts_schema")

# Violations tolerated for now (none today). The test fails on any violation not listed here, and on a listed
# one that is gone (then delete its line).
KNOWN_TABLE_IMPORTS: frozenset[tuple[str, str]] = frozenset()
KNOWN_LAYER_IMPORTS: frozenset[tuple[str, str]] = frozenset()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """The absolute names a module's source imports (``from x import y`` gives ``x.y`` as well as ``x``)."""
    package = module if is_package else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.add(target)
            out.update(f"{target}.{alias.name}" for alias in node.names if alias.name != "*")
    return out


def top_package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def layer_of(package: str) -> int:
    for i, layer in enumerate(LAYERS):
        if package in layer:
            return i
    raise AssertionError(f"storyline.{package} is in no layer: add it to LAYERS (and to docs/ARCHITECTURE.md)")


def _graph() -> dict[str, set[str]]:
    graph = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        graph[name] = imports_of(path.read_text(encoding="utf-8"), name, is_package=path.name == "__init__.py")
    return graph


def table_violations(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    out = set()
    for module, targets in graph.items():
        if module.startswith("storyline.store.") or module == "storyline.store":
            continue
        for target in targets:
            for table in TABLE_MODULES:
                if target == table or target.startswith(table + "."):
                    out.add((module, table))
    return out


def layer_violations(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    out = set()
    for module, targets in graph.items():
        own = top_package(module)
        for target in targets:
            if not target.startswith("storyline.") and target != "storyline":
                continue
            other = top_package(target)
            if other == own or other not in _PACKAGES:
                continue  # a name imported from the root package, e.g. storyline.__version__
            allowed = layer_of(other) < layer_of(own) and (own != "store" or other in STORE_MAY_IMPORT)
            if not allowed:
                out.add((module, _module_of(target)))
    return out


_PACKAGES = frozenset(p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
                      if (p.suffix == ".py" or (p / "__init__.py").is_file()) and p.name != "__init__.py")


def _module_of(target: str) -> str:
    """``storyline.ingest.threads.render_group`` -> ``storyline.ingest.threads`` (the longest name that is a module)."""
    parts = target.split(".")
    for n in range(len(parts), 1, -1):
        base = SRC.joinpath(*parts[:n])
        if base.with_suffix(".py").is_file() or (base / "__init__.py").is_file():
            return ".".join(parts[:n])
    return target


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return _graph()


def test_architecture_every_package_has_a_layer():
    for package in _PACKAGES:
        layer_of(package)


def test_architecture_only_the_store_imports_sqlalchemy_or_the_schema(graph):
    found = table_violations(graph)
    new = sorted(found - KNOWN_TABLE_IMPORTS)
    assert not new, f"modules outside store/ that import the tables or SQLAlchemy (use a Store method): {new}"
    gone = sorted(KNOWN_TABLE_IMPORTS - found)
    assert not gone, f"known exceptions that no longer occur: delete them from KNOWN_TABLE_IMPORTS: {gone}"


def test_architecture_layers_import_downward_only(graph):
    found = layer_violations(graph)
    new = sorted(found - KNOWN_LAYER_IMPORTS)
    assert not new, f"imports against the layers of docs/ARCHITECTURE.md (importer, imported): {new}"
    gone = sorted(KNOWN_LAYER_IMPORTS - found)
    assert not gone, f"known exceptions that no longer occur: delete them from KNOWN_LAYER_IMPORTS: {gone}"


def test_architecture_reader_resolves_relative_imports_and_flags_an_upward_one():
    source = "from ..corpus.names import name_key\nfrom . import pipeline\nimport sqlalchemy as sa\n"
    found = imports_of(source, "storyline.nlp.aliases")
    assert {"storyline.corpus.names", "storyline.corpus.names.name_key", "storyline.nlp.pipeline", "sqlalchemy"} <= found
    fake = {"storyline.nlp.aliases": found, "storyline.text.names": {"storyline.nlp.gazetteer"}}
    assert layer_violations(fake) == {("storyline.nlp.aliases", "storyline.corpus"), ("storyline.text.names", "storyline.nlp.gazetteer")}
    assert table_violations(fake) == {("storyline.nlp.aliases", "sqlalchemy")}


def test_architecture_the_store_imports_only_the_base_layer():
    fake = {"storyline.store.sql": {"storyline.model", "storyline.corpus.resolve", "sqlalchemy"}}
    assert layer_violations(fake) == {("storyline.store.sql", "storyline.corpus.resolve")}
    assert table_violations(fake) == set()
