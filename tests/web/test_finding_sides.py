"""A dispute's positions show on its page and in the API, each with the items that hold it."""

from __future__ import annotations

from .fixtures import Corpus


def test_finding_sides_page_names_each_position_above_its_passages(client, corpus: Corpus) -> None:
    f = corpus.findings["contra"]
    r = client.get(f"/findings/{f.id}")
    assert r.status_code == 200
    first, second = r.text.index("carried out attacks</strong>"), r.text.index("did not carry out attacks</strong>")
    s3 = corpus.statements["s3"]
    assert first < second < r.text.index(f"hl={s3.start}-{s3.end}")


def test_finding_sides_api_lists_sides_and_each_cited_items_position(client, corpus: Corpus) -> None:
    f = corpus.findings["contra"]
    data = client.get(f"/api/findings/{f.id}").json()
    assert [s["label"] for s in data["sides"]] == ["carried out attacks", "did not carry out attacks"]
    positions = {c["id"]: c["position"] for c in data["cited"]}
    assert positions == {corpus.statements["s1"].id: "carried out attacks", corpus.statements["s3"].id: "did not carry out attacks"}
