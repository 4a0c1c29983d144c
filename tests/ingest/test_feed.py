from __future__ import annotations

import datetime as dt

import pytest

from storyline.errors import InputError
from storyline.ingest.base import IngestOptions, RawInput
from storyline.ingest.feed import FeedReader
from storyline.model import Document

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Coastline Herald</title><link>https://herald.example</link>
<item><title>Attack on market</title><link>https://herald.example/a</link>
<pubDate>Wed, 05 Mar 2025 10:00:00 GMT</pubDate><author>desk@herald.example (News Desk)</author>
<description>&lt;p&gt;Officials said &lt;b&gt;12 people&lt;/b&gt; died.&lt;/p&gt;&lt;p&gt;Second para.&lt;/p&gt;</description></item>
<item><title>Title only</title><link>https://herald.example/b</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title>
<entry><title>Entry one</title><link href="https://ledger.example/1"/><id>urn:1</id>
<updated>2025-07-14T09:00:00Z</updated><author><name>R. Writer</name></author>
<content type="html">&lt;p&gt;Full content here.&lt;/p&gt;</content></entry></feed>"""


def test_feed_rss_entries_become_documents() -> None:
    raw = RawInput("feed.xml", RSS, ".xml")
    assert FeedReader().sniff(raw)
    first, second = FeedReader().read(raw, IngestOptions())
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == "Officials said 12 people died.\nSecond para."
    assert first.title == "Attack on market"
    assert first.url == "https://herald.example/a"
    assert first.source == "Coastline Herald"
    assert first.published == dt.date(2025, 3, 5)
    assert second.text == "Title only" and second.metadata["text_from"] == "title"


def test_feed_atom_entry() -> None:
    (doc,) = FeedReader().read(RawInput("f.atom", ATOM, ".atom"), IngestOptions())
    assert isinstance(doc, Document)
    assert doc.text == "Full content here."
    assert doc.author == "R. Writer"
    assert doc.external_id == "urn:1"
    assert doc.published == dt.date(2025, 7, 14)


def test_feed_without_entries_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a readable RSS/Atom feed"):
        list(FeedReader().read(RawInput("f.xml", b"<rss><channel></channel></rss>", ".xml"), IngestOptions()))
