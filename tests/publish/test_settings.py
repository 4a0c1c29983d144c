"""The site settings file: TOML or JSON, validated once, with errors that say what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import UsageError
from storyline.publish.settings import SiteSettings, load_settings, slugify

REPO = Path(__file__).resolve().parents[2]


def test_settings_load_toml_with_authors_and_threads(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_text('name = "W"\nbase_url = "https://w.example"\nworkbench_url = "http://127.0.0.1:8000/"\n'
                    'briefings = ["A B"]\n[authors.ab]\nname = "A B"\nbio = "Bio."\naccounts = ["@ab_handle"]\n'
                    '[threads]\nexclude = ["x:1:thread:2"]\ntitles = { "x:1:thread:3" = "T" }\n', encoding="utf-8")
    s = load_settings(path)
    assert s.name == "W" and s.base_url == "https://w.example/" and s.workbench_url == "http://127.0.0.1:8000"
    assert s.author_for_account("AB_handle").name == "A B"  # handles match without "@", any case
    assert s.author_named("a b").key == "ab"
    assert s.threads.exclude == {"x:1:thread:2"} and s.threads.titles["x:1:thread:3"] == "T"
    assert s.pieces_dir == tmp_path / "pieces" and s.templates_dir == tmp_path / "templates"


@pytest.mark.parametrize("text, message", [
    ('nmae = "typo"', "unknown setting(s) nmae"),
    ('workbench_url = "/documents"', "absolute http(s) URL"),
    ('base_url = "javascript:alert(1)"', "absolute http(s) URL"),
    ('recent = 0', "positive whole number"),
    ('name = ', "not valid TOML"),
])
def test_settings_errors_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "site.toml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_settings(path)


def test_settings_json_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "site.json"
    path.write_text('{"name": "J", "disclaimer": "Mine."}', encoding="utf-8")
    assert load_settings(path).disclaimer == "Mine."
    assert load_settings(None) == SiteSettings()
    with pytest.raises(UsageError, match="cannot read"):
        load_settings(tmp_path / "missing.toml")


def test_example_site_settings_load_and_are_hidden_from_ingest() -> None:
    from storyline.ingest.base import IngestOptions
    from storyline.ingest.sources import iter_raw_inputs

    s = load_settings(REPO / "examples" / ".site" / "site.toml")
    assert s.briefings and s.authors and s.pieces_dir and any(s.pieces_dir.glob("*.md"))
    names = [getattr(x, "name", "") for x in iter_raw_inputs([str(REPO / "examples")], IngestOptions())]
    assert names and not any(".site" in n for n in names)


def test_slugify_is_ascii_and_bounded() -> None:
    assert slugify("Dariush Kemal’s “new bases”!") == "dariush-kemals-new-bases"
    assert len(slugify("word " * 40, limit=20)) <= 20
