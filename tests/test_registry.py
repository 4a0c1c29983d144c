"""One registration style: a Registry per kind (readers, stages, exports), filled by built-in modules and by
entry points of other installed packages (tested with a fake distribution on sys.path)."""

from __future__ import annotations

import importlib
import logging
import sys
import textwrap
from pathlib import Path

import pytest

from storyline.registry import EXPORTS_GROUP, READERS_GROUP, STAGES_GROUP, Registry


def _fake_distribution(root: Path, module: str, source: str, entry_points: dict[str, dict[str, str]]) -> None:
    """A module and a ``*.dist-info`` with entry points, as ``pip install`` of a plugin would leave them."""
    (root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = root / f"{module}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n", encoding="utf-8")
    lines = []
    for group, names in entry_points.items():
        lines.append(f"[{group}]")
        lines += [f"{name} = {target}" for name, target in names.items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def plugin_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    importlib.invalidate_caches()
    for name in [m for m in sys.modules if m.startswith("fake_storyline_")]:
        del sys.modules[name]


def test_registry_loads_builtin_modules_on_first_use_and_later_registrations_replace(plugin_path: Path) -> None:
    (plugin_path / "fake_storyline_builtins.py").write_text(
        "from tests.test_registry import SHAPES\nSHAPES.register('circle', 'round')\n", encoding="utf-8")
    global SHAPES
    SHAPES = Registry("storyline.test-shapes", modules=("fake_storyline_builtins",))
    SHAPES.register("square", "four sides")
    assert "fake_storyline_builtins" not in sys.modules
    assert SHAPES.get("circle") == "round" and SHAPES.names() == ["circle", "square"]
    SHAPES.register("square", "boxy")
    assert SHAPES.items() == ["round", "boxy"] and list(SHAPES) == ["circle", "square"]
    SHAPES.unregister("circle")
    assert "circle" not in SHAPES


SHAPES: Registry[str] = Registry("storyline.test-shapes")


def test_registry_entry_point_plugin_is_coerced_and_a_broken_one_is_skipped(plugin_path: Path, caplog) -> None:
    _fake_distribution(plugin_path, "fake_storyline_shapes", "TRIANGLE = 'three sides'\n",
                       {"storyline.test-plugins": {"triangle": "fake_storyline_shapes:TRIANGLE",
                                                    "broken": "fake_storyline_shapes:MISSING"}})
    registry: Registry[str] = Registry("storyline.test-plugins", coerce=lambda name, obj: obj.upper())
    with caplog.at_level(logging.WARNING, logger="storyline.registry"):
        assert registry.names() == ["triangle"]
    assert registry.get("triangle") == "THREE SIDES"
    assert "broken" in caplog.text


def test_reader_plugin_from_an_entry_point_reads_its_format(plugin_path: Path) -> None:
    from storyline.ingest.base import IngestOptions, RawInput
    from storyline.ingest.registry import READERS, get_reader, reader_names

    _fake_distribution(plugin_path, "fake_storyline_reader", """
        from storyline.model import Document

        class ShoutReader:
            name = "shout"
            extensions = (".shout",)
            priority = 5

            def sniff(self, raw):
                return raw.name.endswith(".shout")

            def read(self, raw, options):
                return [Document.from_text(raw.data.decode("utf-8").upper())]
    """, {READERS_GROUP: {"shout": "fake_storyline_reader:ShoutReader"}})
    READERS.reload()
    try:
        assert "shout" in reader_names()
        docs = list(get_reader("shout").read(RawInput(name="a.shout", data=b"calm words", extension=".shout"),
                                             IngestOptions()))
        assert [d.text for d in docs] == ["CALM WORDS"]
        assert "text" in reader_names()  # the built-in ones are still there
    finally:
        READERS.unregister("shout")
        READERS.reload()


def test_stage_plugin_from_an_entry_point_joins_the_pipeline(plugin_path: Path) -> None:
    from storyline.errors import UsageError
    from storyline.nlp.pipeline import STAGES, build_stages, pipeline_version

    _fake_distribution(plugin_path, "fake_storyline_stage", """
        from storyline.nlp.pipeline import Stage

        def _tag(parsed):
            parsed.language = "xx"

        TAGGER = Stage("tagger", "1", ("mentions",), ("tags",), _tag)
        WRONG = Stage("not-its-name", "1", (), (), _tag)
    """, {STAGES_GROUP: {"tagger": "fake_storyline_stage:TAGGER", "wrong": "fake_storyline_stage:WRONG"}})
    STAGES.reload()
    try:
        stages = build_stages(("entities", "tagger"))
        assert [s.name for s in stages] == ["entities", "tagger"]
        assert pipeline_version(stages).endswith("+tagger-1")
        assert "wrong" not in STAGES.names()
        with pytest.raises(UsageError, match="needs mentions"):
            build_stages(("tagger",))
    finally:
        STAGES.unregister("tagger")
        STAGES.reload()


def test_export_plugin_from_an_entry_point_writes_through_export(plugin_path: Path, tmp_path: Path) -> None:
    from storyline.errors import UsageError
    from storyline.export import FORMATS, export
    from storyline.store import open_store

    _fake_distribution(plugin_path, "fake_storyline_export", """
        from storyline.export import ExportFormat

        def write_count(store, out, *, label="documents"):
            out.write(f"{label}: {store.count('documents')}\\n")

        COUNT = ExportFormat("count", write_count, frozenset({"label"}))
    """, {EXPORTS_GROUP: {"count": "fake_storyline_export:COUNT"}})
    FORMATS.reload()
    store = open_store("sqlite:///" + str(tmp_path / "s.db"))
    try:
        export(store, "count", str(tmp_path / "n.txt"), label="docs")
        assert (tmp_path / "n.txt").read_text(encoding="utf-8") == "docs: 0\n"
        with pytest.raises(UsageError, match="takes no option"):
            export(store, "count", str(tmp_path / "n.txt"), actor="x")
    finally:
        store.close()
        FORMATS.unregister("count")
        FORMATS.reload()
