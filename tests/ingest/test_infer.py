from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

from storyline.ingest import IngestOptions, RawInput, read_documents, read_raw
from storyline.ingest.infer import dateline_date, headline_title, outlet_from_url, path_date, slug_title
from storyline.model import Document

_BODY = "The harbour authority said on Tuesday that the night ferries would resume.\n\nA second paragraph follows.\n"


def _one(raw: RawInput, options: IngestOptions | None = None) -> Document:
    (doc,) = read_raw(raw, options or IngestOptions())
    assert isinstance(doc, Document)
    return doc


def test_headline_ending_with_full_stop_over_a_blank_line_is_a_title() -> None:
    assert headline_title("Ferries Return to the Northern Route.\n\n" + _BODY) == "Ferries Return to the Northern Route."


def test_sentence_first_line_without_blank_line_is_not_a_title() -> None:
    assert headline_title("The minister said the group was finished.\nMore text follows here.") is None
    assert headline_title("In a statement released today:\n\nwe report.") is None


def test_headline_before_a_deck_drops_the_semicolon() -> None:
    assert headline_title("Port reopens after storm;\nOfficials expect delays.\n\nBody text.") == "Port reopens after storm"


def test_url_path_gives_day_or_month_precision() -> None:
    day = path_date("https://news.example.org/2025/03/04/ferries-return", "url")
    month = path_date("https://news.example.org/world/2025/03/ferries-return.html", "url")
    assert day is not None and (day.date, day.precision) == (dt.date(2025, 3, 4), "day")
    assert month is not None and (month.date, month.precision) == (dt.date(2025, 3, 1), "month")
    assert path_date("https://news.example.org/2025/13/40/x", "url") is None


def test_file_name_date_is_read() -> None:
    found = path_date("corpus/herald_2024-11-02_port-reopens.txt", "file name")
    assert found is not None and found.date == dt.date(2024, 11, 2) and found.origin == "file name"


def test_dateline_with_year_gives_a_date_and_without_year_none() -> None:
    found = dateline_date("KABUL, March 5, 2025 (Wire) — The council met.\n")
    assert found is not None and found.date == dt.date(2025, 3, 5)
    assert dateline_date("KABUL, 5 March 2025 — The council met.") is not None
    assert dateline_date("KABUL, March 5 (Wire) — The council met.") is None
    assert dateline_date("He said on March 5, 2025 that nothing changed.") is None


def test_slug_title_needs_three_words_and_skips_ids() -> None:
    assert slug_title("https://example.org/2025/03/ferries-return-to-north.html", "url") == "Ferries return to north"
    assert slug_title("https://example.org/article/12345", "url") is None
    assert slug_title("notes.txt", "file name") is None


def test_outlet_is_the_host_without_www() -> None:
    assert outlet_from_url("https://www.herald.example.com/a") == "herald.example.com"
    assert outlet_from_url("http://127.0.0.1:8000/a") is None


def test_plain_text_headline_becomes_title_without_url() -> None:
    doc = _one(RawInput("in.txt", ("Ferries Return to the Northern Route.\n\n" + _BODY).encode(), ".txt"))
    assert doc.title == "Ferries Return to the Northern Route."


def test_html_without_metadata_takes_date_title_and_outlet_from_url() -> None:
    html = "<html><body><p>" + ("The harbour authority said the ferries would resume. " * 5) + "</p></body></html>"
    url = "https://www.harbour-news.example.com/2025/03/ferries-resume-on-north-route"
    doc = _one(RawInput(url, html.encode(), ".html", url=url))
    assert doc.published == dt.date(2025, 3, 1)
    assert doc.metadata["published_precision"] == "month"
    assert doc.source == "harbour-news.example.com"
    assert doc.title == "Ferries resume on north route"
    assert doc.metadata["inferred"]["title"] == "url" and doc.metadata["inferred"]["published"] == "url"


def test_user_given_title_source_and_date_win_over_inferred() -> None:
    url = "https://www.harbour-news.example.com/2025/03/04/ferries"
    options = IngestOptions(title="Given", source="Given Outlet", published=dt.date(2020, 1, 2))
    doc = _one(RawInput(url, ("Headline Here\n\n" + _BODY).encode(), ".txt", url=url), options)
    assert (doc.title, doc.source) == ("Given", "Given Outlet")
    assert doc.published == dt.date(2020, 1, 2)  # over the date in the URL
    assert "inferred" not in doc.metadata


def test_json_lines_without_title_take_the_headline_line() -> None:
    line = '{"text": "Ferries Return North\\n\\nThe harbour authority said the ferries would resume."}\n'
    (doc,) = read_raw(RawInput("w.jsonl", line.encode(), ".jsonl"), IngestOptions())
    assert isinstance(doc, Document) and doc.title == "Ferries Return North"


def test_gzip_files_are_read_decompressed(tmp_path: Path) -> None:
    page = "<html><head><title>Ferries resume</title></head><body><p>" + "The ferries resume. " * 10 + "</p></body></html>"
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page.encode()))
    (doc,) = read_documents([str(tmp_path)], IngestOptions())
    assert isinstance(doc, Document) and doc.format == "html" and "ferries resume" in doc.text.lower()


def test_gzip_bomb_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 100_000))
    (err,) = read_documents([str(path)], IngestOptions(max_bytes=10_000))
    assert not isinstance(err, Document) and "larger than the limit" in err.reason


def test_slug_title_drops_file_extensions() -> None:
    assert slug_title("pages/harbour-ferries-resume.html.gz", "file name") == "Harbour ferries resume"
    assert slug_title("https://example.org/news/harbour.council.meets.today", "url") == "Harbour council meets today"


def test_gzip_page_fetched_from_a_url_is_read_decompressed() -> None:
    import httpx

    from storyline.config import Settings
    from storyline.ingest import Fetcher

    page = "<html><head><title>Ferries resume</title></head><body><p>" + "The ferries resume. " * 10 + "</p></body></html>"
    body = gzip.compress(page.encode())
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, content=body, headers={"content-type": "application/gzip"}))
    with Fetcher(Settings(fetch_timeout=5), transport=transport) as fetcher:
        (doc,) = read_documents(["https://news.example.org/2025/03/04/ferries.html.gz"], IngestOptions(), fetcher)
    assert isinstance(doc, Document) and doc.format == "html" and doc.published == dt.date(2025, 3, 4)
