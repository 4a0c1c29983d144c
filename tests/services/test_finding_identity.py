"""A finding is its question: it keeps its id and its review while documents that join the dispute arrive."""

from __future__ import annotations

import datetime as dt
import io
import json

from storyline.export.json_export import write_json
from storyline.model import Document, Review, ReviewStatus
from storyline.services.analyze import analyze
from storyline.services.ingest import store_document
from storyline.store import Store, open_store

DRIVER = "Court hears of the Tarsk bombings\n\nProsecutors said Tomas Verin was nothing more than a driver for the cell.\n"
LINKED = ("Tarsk bomber named\n\nTomas Verin was not a peripheral figure: Tomas Verin was linked to 14 bombings in Tarsk "
          "over two years.\n")
MASTERMIND = "Tarsk trial\n\nInvestigators said Tomas Verin was the mastermind of the Tarsk bombings.\n"


def _add(store: Store, text: str, source: str, day: int) -> None:
    store_document(store, Document.from_text(text, source=source, title=text.split("\n")[0],
                                             published=dt.date(2025, 3, day)))


def _role_findings(store: Store) -> list:
    return [f for f in store.iter_findings() if "Conflicting roles" in f.explanation]


def test_finding_identity_a_joining_document_keeps_the_id_and_the_review(tmp_path) -> None:
    store = open_store("sqlite:///" + str(tmp_path / "s.db"))
    _add(store, DRIVER, "Vardan Times", 3)
    _add(store, LINKED, "Coastal Observer", 4)
    analyze(store)
    (first,) = _role_findings(store)
    store.add_review(Review(first.id, ReviewStatus.ACCEPTED, "checked", "analyst"))

    _add(store, MASTERMIND, "Meridian Post", 5)
    analyze(store)
    (grown,) = _role_findings(store)
    assert grown.id == first.id
    assert set(first.items) < set(grown.items)
    assert store.latest_reviews()[grown.id].status is ReviewStatus.ACCEPTED
    labels = {s.label for s in grown.sides}
    assert "a minor figure" in labels and "a leading figure" in labels


def test_finding_identity_every_item_of_every_finding_resolves_in_the_json_export(tmp_path) -> None:
    store = open_store("sqlite:///" + str(tmp_path / "s.db"))
    for k, (text, source) in enumerate(((DRIVER, "Vardan Times"), (LINKED, "Coastal Observer"),
                                        (MASTERMIND, "Meridian Post"))):
        _add(store, text, source, 3 + k)
    analyze(store)
    out = io.StringIO()
    write_json(store, out)
    data = json.loads(out.getvalue())
    assert data["findings"]
    assert all("id" in m for m in data["mentions"])
    known = {(kind[:-1], r["id"]) for kind in ("statements", "facts", "mentions", "entities") for r in data[kind]}
    for f in data["findings"]:
        refs = [*f["items"], *(i for side in f["sides"] for i in side["items"])]
        assert all((i["type"], i["id"]) in known for i in refs), f["id"]
        assert {(i["type"], i["id"]) for side in f["sides"] for i in side["items"]} <= {(i["type"], i["id"]) for i in f["items"]}
