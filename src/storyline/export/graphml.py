"""``export --format graphml``: the entity graph, for Gephi, yEd, Cytoscape or networkx.

Nodes are entities (attributes ``type``, ``name``, ``aliases`` joined by
" | ", ``mention_count``). Edges are of two kinds, told apart by the edge
attribute ``kind`` (and the edge key):

- ``co_mention`` (stored once, from the smaller to the larger entity id):
  ``documents`` = documents both are mentioned in, ``sentences`` = sentences
  both are mentioned in, ``weight`` = documents;
- ``said_about`` (speaker -> entity): statements by the speaker whose content
  mentions the entity; ``weight`` = that count.

The graph is built in memory (it grows with entities and their pairs, not with
the text) and written with ``networkx.generate_graphml``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from itertools import combinations
from typing import TextIO

import networkx as nx

from ..store import Store
from .annotations import AnnotatedDocument, iter_annotated_documents

__all__ = ["build_graph", "sentence_starts", "write_graphml"]

# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A sentence ends at a newline, or at . ! ? (and any closing quote/bracket) followed by space.
_SENTENCE_END = re.compile(r"\n+|(?<=[.!?])[\"'”’)\]]*\s+")


def _xml(text: str) -> str:
    return _NOT_XML.sub(" ", text)


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start (a simple splitter: enough to count co-occurrence)."""
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]


def _add_document(a: AnnotatedDocument, nodes: set[str], docs: Counter[tuple[str, str]],
                  sentences: Counter[tuple[str, str]], said: Counter[tuple[str, str]]) -> None:
    starts = sentence_starts(a.document.text)
    in_doc: set[str] = set()
    by_sentence: dict[int, set[str]] = {}
    for m in a.mentions:
        entity_id = a.entity_of.get(m.local_key)
        if entity_id is None or entity_id not in nodes:
            continue
        in_doc.add(entity_id)
        by_sentence.setdefault(bisect.bisect_right(starts, m.start) - 1, set()).add(entity_id)
    for pair in combinations(sorted(in_doc), 2):
        docs[pair] += 1
    for members in by_sentence.values():
        for pair in combinations(sorted(members), 2):
            sentences[pair] += 1
    for s in a.statements:
        speaker = a.entity_for(s.speaker_key)
        if speaker is None or speaker not in nodes:
            continue
        for target in a.entities_between(s.content_start, s.content_end):
            if target != speaker and target in nodes:
                said[(speaker, target)] += 1


def build_graph(store: Store) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(name="storyline entity graph")
    for e in store.iter_entities():
        aliases = " | ".join(a for a in dict.fromkeys(e.aliases) if a != e.name)
        graph.add_node(e.id, type=e.type.value, name=_xml(e.name), aliases=_xml(aliases), mention_count=e.mention_count)
    nodes = set(graph.nodes)
    docs: Counter[tuple[str, str]] = Counter()
    sentences: Counter[tuple[str, str]] = Counter()
    said: Counter[tuple[str, str]] = Counter()
    for a in iter_annotated_documents(store):
        _add_document(a, nodes, docs, sentences, said)
    for (left, right), n in sorted(docs.items()):
        graph.add_edge(left, right, key="co_mention", kind="co_mention", documents=n,
                       sentences=sentences.get((left, right), 0), weight=n)
    for (speaker, target), n in sorted(said.items()):
        graph.add_edge(speaker, target, key="said_about", kind="said_about", statements=n, weight=n)
    return graph


def write_graphml(store: Store, out: TextIO) -> None:
    for line in nx.generate_graphml(build_graph(store), encoding="utf-8", prettyprint=True):
        out.write(line)
        out.write("\n")
