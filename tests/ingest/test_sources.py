from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.ingest.base import IngestOptions, RawInput
from storyline.ingest.sources import iter_raw_inputs, read_file


def _names(results: list[RawInput | InputError]) -> list[str]:
    return [r.name if isinstance(r, RawInput) else f"ERR {r.input_name}" for r in results]


def test_sources_huge_file_is_rejected_by_size_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: nothing is written

    def no_reading(self: Path, *args: object, **kwargs: object) -> None:
        raise AssertionError(f"{self} was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    (result,) = iter_raw_inputs([str(big)], IngestOptions())
    assert isinstance(result, InputError)
    assert "200.0 MB" in result.reason and "50.0 MB" in result.reason and "limit" in result.reason


def test_sources_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty input"):
        read_file(empty, IngestOptions())


def test_sources_directory_walk_is_sorted_and_skips_non_documents(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / "b" / "z.md").write_text("# z")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "a.meta.json").write_text(json.dumps({"source": "Outlet"}))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / "README.md").write_text("# About this folder")
    (tmp_path / "c.html").write_text("<p>c</p>")
    results = list(iter_raw_inputs([str(tmp_path)], IngestOptions()))
    assert _names(results) == [str(tmp_path / "a.txt"), str(tmp_path / "c.html"), str(tmp_path / "b" / "z.md")]
    first = results[0]
    assert isinstance(first, RawInput) and first.meta == {"source": "Outlet"} and first.extension == ".txt"


def test_sources_missing_path_and_explicit_sidecar_are_errors(tmp_path: Path) -> None:
    sidecar = tmp_path / "x.meta.json"
    sidecar.write_text("{}")
    results = list(iter_raw_inputs([str(tmp_path / "nope.txt"), str(sidecar)], IngestOptions()))
    assert all(isinstance(r, InputError) for r in results)
    assert "no such file" in results[0].reason  # type: ignore[union-attr]
    assert "sidecar" in results[1].reason  # type: ignore[union-attr]


def test_sources_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"from stdin")))
    (raw,) = iter_raw_inputs(["-"], IngestOptions())
    assert isinstance(raw, RawInput) and raw.name == "-" and raw.data == b"from stdin"


def test_sources_stdin_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 100)))
    (err,) = iter_raw_inputs(["-"], IngestOptions(max_bytes=10))
    assert isinstance(err, InputError) and "limit" in err.reason


def test_file_name_that_is_not_utf8_is_reported_and_the_others_are_read(tmp_path):
    import os

    from storyline.errors import InputError
    from storyline.ingest.base import IngestOptions
    from storyline.ingest.sources import iter_raw_inputs

    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as fh:
        fh.write(b"A headline\n\nSome text.")
    (tmp_path / "good.txt").write_text("Another headline\n\nMore text.", encoding="utf-8")
    items = list(iter_raw_inputs([str(tmp_path)], IngestOptions()))
    errors = [x for x in items if isinstance(x, InputError)]
    assert len(items) == 2 and len(errors) == 1
    assert "caf\\xe9.txt" in str(errors[0]) and "not valid UTF-8" in errors[0].reason
    str(errors[0]).encode("utf-8")  # printable: no lone surrogates left
