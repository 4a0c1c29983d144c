"""Name-variant findings."""

from __future__ import annotations

import json

import pytest

from storyline.corpus.name_variants import find_name_variants, is_given_name_variant, is_name_variant
from storyline.text.names import name_key
from storyline.corpus.resolve import clusters_from_mentions, resolve_entities
from storyline.model import Document, EntityType, FindingKind, ItemType, Mention

P = EntityType.PERSON


def M(doc: str, start: int, text: str, cluster: int) -> Mention:
    return Mention(doc, start, start + len(text), text, P, cluster, text)


def run(mentions: list[Mention]):
    res = resolve_entities(clusters_from_mentions(mentions))
    return find_name_variants(res.entities, mentions)


def test_name_variants_two_middle_names_in_one_document_separate_clusters() -> None:
    a, b = M("d", 10, "Khalil Ahmed Haqqani", 0), M("d", 300, "Khalil-ur-Rehman Haqqani", 1)
    findings = run([a, b, M("d", 500, "Zabihullah Mujahid", 2)])
    assert len(findings) == 1
    f = findings[0]
    assert f.kind == FindingKind.NAME_VARIANT
    assert {(i.type, i.id) for i in f.items} == {(ItemType.MENTION, a.id), (ItemType.MENTION, b.id)}
    assert "Khalil Ahmed Haqqani" in f.explanation and "Khalil-ur-Rehman Haqqani" in f.explanation
    assert "Khalil" in f.explanation and "Haqqani" in f.explanation and "same document" in f.explanation


def test_name_variants_inside_one_cluster_and_across_documents() -> None:
    same_cluster = run([M("d", 0, "Khalil Ahmed Haqqani", 0), M("d", 90, "Khalil-ur-Rehman Haqqani", 0)])
    assert len(same_cluster) == 1 and same_cluster[0].score >= 0.8
    # across documents the resolver keeps them apart, so no finding claims they are one person
    apart = run([M("d1", 0, "Khalil Ahmed Haqqani", 0), M("d2", 0, "Khalil-ur-Rehman Haqqani", 0)])
    assert apart == []


def test_name_variants_ignore_transliteration_and_fuller_forms() -> None:
    assert run([M("d", 0, "Khalil ur Rahman Haqqani", 0), M("d", 90, "Khalil-ur-Rehman Haqqani", 1)]) == []
    assert run([M("d", 0, "Muhammad Sharif Jafar", 0), M("d", 90, "Muhammad Ali Sharif Jafar", 0)]) == []
    assert run([M("d", 0, "Khalil Haqqani", 0), M("d", 90, "Khalil Ahmed Haqqani", 0)]) == []
    assert run([M("d", 0, "Sirajuddin Ahmad Haqqani", 0), M("d", 90, "Khalil Ahmed Haqqani", 1)]) == []


def test_name_variants_rule() -> None:
    assert is_name_variant(name_key("Khalil Ahmed Haqqani"), name_key("Khalil-ur-Rehman Haqqani"))
    assert not is_name_variant(name_key("Khalil Ahmad Haqqani"), name_key("Khalil Ahmed Haqqani"))


@pytest.mark.parametrize("a, b, variant", [
    ("Darnell C. Fitch", "Darnell Corwin Fitch", False),  # an initial of the middle name
    ("Maren H. W. Oakes", "Maren Hollis Wade Oakes", False),  # initials of two middle names
    ("Maren W. Oakes", "Maren Hollis Wade Oakes", False),  # an initial of the second middle name
    ("Darnell Q. Fitch", "Darnell Corwin Fitch", True),  # another letter: another middle name
    ("Maren W. H. Oakes", "Maren Hollis Wade Oakes", True),  # initials out of order
])
def test_a_middle_written_as_initials_of_the_other_is_no_variant(a: str, b: str, variant: bool) -> None:
    assert is_name_variant(name_key(a), name_key(b)) is variant
    assert is_name_variant(name_key(b), name_key(a)) is variant


def test_name_variants_seed_article(nlp, eval_dir, seed_text) -> None:
    from storyline.nlp.pipeline import analyze_documents

    gold = json.loads((eval_dir / "seed-gold.json").read_text(encoding="utf-8"))
    sides = next(f["sides"] for f in gold["findings"] if "name_variant" in f["kinds"])
    analyses = list(analyze_documents([Document.from_text(seed_text)], nlp))
    mentions = [m for a in analyses for m in a.mentions]
    by_id = {m.id: m for m in mentions}
    res = resolve_entities(clusters_from_mentions(mentions))
    findings = find_name_variants(res.entities, mentions)
    texts = [{by_id[i.id].text for i in f.items} for f in findings]
    hit = [t for t in texts if any(s in x for x in t for s in sides[0]) and any(s in x for x in t for s in sides[1])]
    assert hit, f"no name_variant finding for {sides}; got {texts}"
    assert len(findings) <= 2


def test_name_variants_family_name_is_the_word_before_a_generational_suffix() -> None:
    # two different men of one given name, both "Jr.": the suffix is not their family name
    assert not is_name_variant(name_key("Walter R. Hanley Jr."), name_key("Walter F. Dunmore Jr."))
    assert run([M("d", 0, "Walter R. Hanley Jr.", 0), M("d", 40, "Walter F. Dunmore Jr.", 1)]) == []
    # one man's middle name written two ways, suffix and all, still is a variant
    assert is_name_variant(name_key("Walter Ross Hanley Jr."), name_key("Walter Pike Hanley Jr."))
    # a suffix against none is another generation, not a misprint
    assert not is_name_variant(name_key("Walter Ross Hanley Jr."), name_key("Walter Pike Hanley"))


@pytest.mark.parametrize("a, b, variant", [
    ("Darnell Corbin", "Darrell Corbin", True),  # one letter changed
    ("Kristopher Kemp", "Kristoper Kemp", True),  # one letter dropped
    ("Darnella Kemp", "Darnela Kemp", False),  # a doubled letter: one name
    ("Jeffery Rusk", "Jeffrey Rusk", True),  # two letters swapped
    ("Sam Dalby", "Samuel Dalby", False),  # a short form
    ("Carla Mendez", "Carlo Mendez", False),  # a final vowel: two names
    ("Kristopher Kemp", "Kristopher Kamp", False),  # another family name
    ("Mark Dunne", "Mary Dunne", False),  # short given names one letter apart are two names
    ("Gurbanguli Orazov", "Gurbanguly Orazov", False),  # one name transliterated two ways
    ("Tobias Wrenn", "Tobias Wrenn", False),
])
def test_given_name_spelling_rule(a: str, b: str, variant: bool) -> None:
    assert is_given_name_variant(name_key(a, P), name_key(b, P)) is variant
    assert is_given_name_variant(name_key(b, P), name_key(a, P)) is variant


def _pipeline_variants(nlp, texts: list[str]):
    from storyline.nlp.pipeline import analyze_documents

    docs = [Document.from_text(t, source=f"Outlet {i}") for i, t in enumerate(texts)]
    mentions = [m for a in analyze_documents(docs, nlp) for m in a.mentions]
    res = resolve_entities(clusters_from_mentions(mentions))
    return find_name_variants(res.entities, mentions), {m.id: m for m in mentions}


_STORY = ("Police in Harwick said Tobias Wrenn opened fire in the break room of the Harwick bakery on Thursday. "
          "{victim}, 36, died at the scene, and Elena Voss was wounded, police chief Martin Ochs said{day}.\n")


def test_name_variants_one_victim_spelled_two_ways_by_reports_of_one_story_is_one_finding(nlp) -> None:
    found, by_id = _pipeline_variants(nlp, [_STORY.format(victim="Kristopher Kemp", day=""),
                                            _STORY.format(victim="Kristopher Kemp", day=" on Friday"),
                                            _STORY.format(victim="Kristoper Kemp", day="")])
    assert len(found) == 1, [f.explanation for f in found]
    f = found[0]
    assert f.kind is FindingKind.NAME_VARIANT and "Kristopher" in f.explanation and "Kristoper" in f.explanation
    assert sorted(len(s.items) for s in f.sides) == [1, 2]  # every report that holds a spelling
    assert {by_id[i.id].text for s in f.sides for i in s.items} == {"Kristopher Kemp", "Kristoper Kemp"}


def test_name_variants_near_misses_of_given_name_spellings_give_no_finding(nlp) -> None:
    # a short form, a final vowel, and one spelling in a report of another story (no names shared)
    found, _ = _pipeline_variants(nlp, [
        _STORY.format(victim="Samuel Dalby", day=""), _STORY.format(victim="Sam Dalby", day=""),
        _STORY.format(victim="Carla Mendez", day=""), _STORY.format(victim="Carlo Mendez", day=""),
        _STORY.format(victim="Darnell Corbin", day=""),
        "Darrell Corbin won the spelling contest at the Dover library on Monday, its director Ruth Hale said.\n",
    ])
    assert [f.explanation for f in found] == []


def test_name_variants_given_name_spelling_keeps_its_id_as_reports_join(nlp) -> None:
    two, _ = _pipeline_variants(nlp, [_STORY.format(victim="Kristopher Kemp", day=""),
                                      _STORY.format(victim="Kristoper Kemp", day="")])
    three, _ = _pipeline_variants(nlp, [_STORY.format(victim="Kristopher Kemp", day=""),
                                        _STORY.format(victim="Kristoper Kemp", day=""),
                                        _STORY.format(victim="Kristopher Kemp", day=" on Friday")])
    assert len(two) == 1 and len(three) == 1
    assert two[0].id == three[0].id and len(three[0].items) == len(two[0].items) + 1
