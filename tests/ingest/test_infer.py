from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

from storyline.ingest import IngestOptions, RawInput, read_documents, read_raw
from storyline.ingest.infer import (dateline_date, document_date, header_date, headline_title, leading_url, outlet_from_url,
                                    path_date, slug_title)
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


def test_url_path_with_the_month_as_a_word_or_a_compact_date_gives_the_day() -> None:
    named = path_date("https://news.example.org/2019/oct/07/harbour/story-1007", "url")
    compact = path_date("https://news.example.org/world/20191007/harbour-reopens", "url")
    month = path_date("https://news.example.org/2019/Oct/harbour-reopens", "url")
    assert named is not None and (named.date, named.precision) == (dt.date(2019, 10, 7), "day")
    assert compact is not None and (compact.date, compact.precision) == (dt.date(2019, 10, 7), "day")
    assert month is not None and (month.date, month.precision) == (dt.date(2019, 10, 1), "month")
    assert path_date("https://news.example.org/story/20191399/x", "url") is None  # not a day
    assert path_date("https://news.example.org/story/1201910071/x", "url") is None  # an id, not a date


def test_a_lone_url_on_the_first_line_is_the_texts_address() -> None:
    assert leading_url("https://news.example.org/2019/10/07/harbour\nHarbour reopens\n") == \
        "https://news.example.org/2019/10/07/harbour"
    assert leading_url("See https://news.example.org/x for more.\nBody.") is None
    assert leading_url("Harbour reopens\nhttps://news.example.org/x\n") is None


HEADER_LINES = [  # (line under a headline, the day it gives)
    ("Published: March 3, 2013", dt.date(2013, 3, 3)),
    ("Posted on Thu Dec 12, 2019 08:45 AM PST", dt.date(2019, 12, 12)),
    ("By Jane Doe | Wire Service | Tuesday, 6 Nov 2012", dt.date(2012, 11, 6)),
    ("PUBLISHED: FRIDAY, APRIL 5, 2019, 1:32 PM", dt.date(2019, 4, 5)),
    ("4 October 2019 Last updated at 17:50 GMT", dt.date(2019, 10, 4)),
    ("9:05am UK, Monday 16 September 2019", dt.date(2019, 9, 16)),
    ("Posted on 12/25/2012 4:10 PM EST", dt.date(2012, 12, 25)),  # the numbers show the order
    ("Posted 4/11/2019 1:26 PM EDT", dt.date(2019, 4, 11)),  # a US time zone: month first
    ("Article posted on 08.07.2012", dt.date(2012, 7, 8)),  # dots: day first
    ("Published: 2019-10-07T09:00", dt.date(2019, 10, 7)),
]


def test_header_lines_give_the_publication_day() -> None:
    for line, day in HEADER_LINES:
        found = header_date(f"Harbour Reopens After Storm\n{line}\nThe harbour reopened on Monday, officials said.\n")
        assert found is not None and (found.date, found.origin) == (day, "header"), line


def test_dates_of_the_story_and_unreadable_headers_are_not_the_publication_date() -> None:
    for text in (
        "Quake Hits Coast On November 27, 2005\nThe quake struck at dawn.\n",  # a headline that names the event's day
        "Harbour reopens\nThe harbour reopened on March 3, 2013, officials said.\n",  # a sentence of the story
        "Harbour reopens\n05/06/2013\nThe harbour reopened.\n",  # May 6 or 5 June: the line does not say
        "Harbour reopens\nDec. 24 4:33 AM EST\nThe harbour reopened.\n",  # no year
        "A\nB\nC\nD\nE\nF\nPublished: March 3, 2013\nBody.\n",  # past the top of the text
    ):
        assert header_date(text) is None, text


def test_a_publication_line_wins_over_an_update_line() -> None:
    found = header_date("Harbour reopens\nUpdated: March 4, 2013 9:00 AM\nPublished: March 3, 2013\nBody text.\n")
    assert found is not None and found.date == dt.date(2013, 3, 3)


def test_the_urls_month_tells_the_order_of_a_numeric_header_date() -> None:
    found = document_date("Harbour reopens\n05/06/2013\nThe harbour reopened.\n",
                          "https://news.example.org/2013/06/harbour", "url")
    assert found is not None and (found.date, found.precision, found.origin) == (dt.date(2013, 6, 5), "day", "header")


def test_plain_text_opening_with_its_url_is_dated_and_titled_from_its_top_lines() -> None:
    text = ("https://www.harbour-news.example.com/2013/may/02/harbour-reopens-after-storm\n"
            "Harbour Reopens After Storm\nPublished: May 3, 2013\n" + _BODY)
    doc = _one(RawInput("saved.txt", text.encode(), ".txt"))
    assert doc.published == dt.date(2013, 5, 3) and doc.metadata["published_precision"] == "day"
    assert doc.metadata["inferred"] == {"url": "text", "published": "header", "source": "domain"}
    assert doc.url == "https://www.harbour-news.example.com/2013/may/02/harbour-reopens-after-storm"
    assert (doc.title, doc.source) == ("Harbour Reopens After Storm", "harbour-news.example.com")
    no_header = _one(RawInput("saved.txt", text.replace("Published: May 3, 2013\n", "").encode(), ".txt"))
    assert (no_header.published, no_header.metadata["inferred"]["published"]) == (dt.date(2013, 5, 2), "url")


def test_json_lines_record_without_a_date_is_dated_from_its_header_line() -> None:
    line = '{"id": "a1", "text": "Harbour Reopens\\nBy Jane Doe | Tuesday, 6 Nov 2012\\nThe harbour reopened."}\n'
    (doc,) = read_raw(RawInput("w.jsonl", line.encode(), ".jsonl"), IngestOptions())
    assert isinstance(doc, Document) and doc.published == dt.date(2012, 11, 6)
    assert doc.metadata["inferred"]["published"] == "header"
    stated = line.replace('"id": "a1"', '"id": "a1", "published": "2012-11-07"')
    (doc,) = read_raw(RawInput("w.jsonl", stated.encode(), ".jsonl"), IngestOptions())
    assert isinstance(doc, Document) and doc.published == dt.date(2012, 11, 7)  # what the input states wins
    assert "published" not in doc.metadata.get("inferred", {})
