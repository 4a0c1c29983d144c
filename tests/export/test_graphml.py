from __future__ import annotations

import io

import networkx as nx

from storyline.export.graphml import sentence_starts, write_graphml

from .conftest import ARABIC, Corpus


def _read_back(corpus: Corpus, tmp_path) -> nx.MultiDiGraph:
    out = io.StringIO()
    write_graphml(corpus.store, out)
    path = tmp_path / "kb.graphml"
    path.write_text(out.getvalue(), encoding="utf-8")
    return nx.read_graphml(path, force_multigraph=True)


def test_graphml_round_trips_nodes_with_attributes(corpus: Corpus, tmp_path) -> None:
    graph = _read_back(corpus, tmp_path)
    assert set(graph.nodes) == {e.id for e in (corpus.mujahid, corpus.taliban, corpus.un, corpus.kabul,
                                               corpus.pakistan)}
    node = graph.nodes[corpus.mujahid.id]
    assert (node["type"], node["name"], node["mention_count"]) == ("person", "Zabihullah Mujahid", 5)
    assert ARABIC in node["aliases"]


def test_graphml_weights_co_mentions_by_documents_and_sentences(corpus: Corpus, tmp_path) -> None:
    graph = _read_back(corpus, tmp_path)
    kabul, mujahid, taliban, un = corpus.kabul.id, corpus.mujahid.id, corpus.taliban.id, corpus.un.id
    both_docs = graph.get_edge_data(kabul, taliban)["co_mention"]
    assert (both_docs["documents"], both_docs["weight"], both_docs["sentences"]) == (2, 2, 1)
    one_doc = graph.get_edge_data(taliban, un)["co_mention"]
    assert (one_doc["documents"], one_doc["sentences"]) == (1, 0)  # the UN has a sentence of its own
    assert graph.get_edge_data(mujahid, kabul) is not None
    assert corpus.pakistan.id not in {n for e in graph.edges for n in e[:2]}  # alone in its document
    assert graph.get_edge_data(mujahid, kabul)["said_about"]["statements"] == 2


def test_sentence_starts_split_at_newlines_and_full_stops() -> None:
    text = 'He said "no." Then left.\nNext line'
    assert sentence_starts(text) == [0, 14, 25]
