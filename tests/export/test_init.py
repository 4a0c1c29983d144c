from __future__ import annotations

import pytest

from storyline.errors import UsageError
from storyline.export import CONTRACT_FORMATS, FORMATS, export


def test_every_contract_format_has_a_writer() -> None:
    assert set(CONTRACT_FORMATS) <= set(FORMATS)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "stix", "ftm", "graphml", "briefing"])
def test_export_writes_every_format_to_a_file(corpus, tmp_path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    export(corpus.store, fmt, str(target))
    assert target.stat().st_size > 0
    assert not list(tmp_path.glob("*.part"))


def test_export_rejects_options_a_format_does_not_take(corpus, tmp_path) -> None:
    with pytest.raises(UsageError, match="takes no option"):
        export(corpus.store, "jsonl", str(tmp_path / "x.jsonl"), actor="Mujahid")


def test_export_ignores_options_left_unset(corpus, tmp_path) -> None:
    export(corpus.store, "stix", str(tmp_path / "x.json"), actor=None, html=False)
