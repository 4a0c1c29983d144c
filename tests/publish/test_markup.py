"""Safe HTML from untrusted text: Markdown without raw HTML, post text with claims, teasers, link filtering."""

from __future__ import annotations

from storyline.publish.markup import Claim, first_sentences, markdown_html, post_html, safe_href


def test_markdown_html_shows_raw_html_as_text_and_drops_unsafe_links() -> None:
    out = markdown_html('<script>x()</script>\n\nA [link](https://a.example/) and [bad](data:text/html,hi) '
                        'and ![img](javascript:alert(1)) and <a href="javascript:y()">z</a>.')
    assert "<script" not in out and "&lt;script&gt;" in out
    assert '<a href="https://a.example/" rel="noopener">link</a>' in out
    assert "data:text" not in out.replace("[bad](data:text", "")  # left as literal text, never a link
    assert "<img" not in out and 'href="javascript' not in out


def test_markdown_html_drops_the_title_heading_and_moves_headings_to_h2() -> None:
    out = markdown_html("# The title\n\nIntro.\n\n## Part one\n\n### Detail\n", drop_title="The  title")
    assert "The title" not in out
    assert "<h2>Part one</h2>" in out and "<h3>Detail</h3>" in out and "<h1" not in out


def test_post_html_escapes_text_and_marks_attributed_claims() -> None:
    text = 'Intro <b>bold</b>.\n\n"The pass is mined," the Front said. See https://x.example/a?b=1&c=2.'
    start = text.index("The pass")
    claim = Claim(100 + start, 100 + start + len("The pass is mined,"), speaker="Sarvan <Front>",
                  href="http://wb.example/documents/doc_1?hl=1-2")
    out = post_html(text, 100, [claim])
    assert out.count("<p>") == 2
    assert "Intro &lt;b&gt;bold&lt;/b&gt;." in out
    assert '<q class="claim">The pass is mined,</q>' in out
    assert '<span class="said-by">Sarvan &lt;Front&gt;</span>' in out
    assert '<a class="evidence" href="http://wb.example/documents/doc_1?hl=1-2">evidence</a>' in out
    assert '<a href="https://x.example/a?b=1&amp;c=2" rel="noopener">' in out  # the final "." is not in the link


def test_post_html_skips_overlapping_claims_and_keeps_all_text() -> None:
    text = "one two three four"
    out = post_html(text, 0, [Claim(0, 7), Claim(4, 13), Claim(14, 18, speaker="X")])
    assert out.striptags() == "one two three fourX"
    assert out.count('class="claim"') == 2


def test_first_sentences_cuts_at_sentences_and_words() -> None:
    assert first_sentences("One. Two three. Four.", count=2) == "One. Two three."
    long = first_sentences("word " * 200, count=1, limit=30)
    assert long.endswith("…") and len(long) <= 31


def test_safe_href_allows_only_web_mail_and_fragments() -> None:
    assert safe_href("https://a.example/x") == "https://a.example/x"
    assert safe_href("mailto:a@b.example") == "mailto:a@b.example"
    assert safe_href("#post-1") == "#post-1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "/etc/passwd", "../x.html",
                "https://a.example/\nx", "vbscript:x", ""):
        assert safe_href(bad) is None, bad
