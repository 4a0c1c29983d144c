"""Recognition: spans, types and clean-up of the entities stage."""

from __future__ import annotations

import json
from importlib import resources

from storyline.model import EntityType, Mention
from storyline.nlp.entities import RULER_NAME, STAGE_VERSION, configure_pipeline
from storyline.nlp.pipeline import build_stages, pipeline_version

from ._entity_helpers import by_text, cluster_of, mentions_of, names


def test_entities_configure_pipeline_is_idempotent(nlp):
    before = list(nlp.pipe_names)
    configure_pipeline(nlp)
    configure_pipeline(nlp)
    assert nlp.pipe_names == before
    assert nlp.pipe_names.count(RULER_NAME) == 1
    assert nlp.pipe_names.index(RULER_NAME) < nlp.pipe_names.index("ner")


def test_entities_stage_version_carries_the_code_and_gazetteer_data_versions():
    # a new stage version or edited gazetteer data changes the pipeline version, so documents are re-analysed
    (stage,) = build_stages(("entities",))
    code, sep, data = stage.version.partition("+gaz")
    assert sep and code == STAGE_VERSION
    titles = json.loads(resources.files("storyline.data.gazetteer").joinpath("titles.json").read_text(encoding="utf-8"))
    assert str(titles["version"]) in data.split("/")
    assert f"entities-{stage.version}" in pipeline_version()


def test_entities_possessives_are_stripped(nlp):
    text = "Zabihullah Mujahid’s remarks echoed Ahmad Massoud's earlier claims about the Taliban’s plans."
    ms = mentions_of(nlp, text)
    assert "Zabihullah Mujahid" in names(ms)
    assert "Ahmad Massoud" in names(ms)
    assert "Taliban" in names(ms)
    assert not any(n.endswith(("’s", "'s")) for n in names(ms))


def test_entities_hyphenated_names_stay_whole(nlp):
    text = (
        "Tehrik-i-Taliban Pakistan and the Islamic State-Khorasan Province compete for recruits. "
        "The killing of Khalil-ur-Rehman Haqqani shocked officials."
    )
    ms = mentions_of(nlp, text)
    assert by_text(ms, "Tehrik-i-Taliban Pakistan").type == EntityType.ORGANIZATION
    assert by_text(ms, "Islamic State-Khorasan Province").type == EntityType.ORGANIZATION
    assert by_text(ms, "Khalil-ur-Rehman Haqqani").type == EntityType.PERSON
    assert "Tehrik" not in names(ms) and "Khalil-ur-Rehman" not in names(ms)


def test_entities_titles_leave_the_name_and_become_roles(nlp):
    text = "Lt. Gen. Abdul Rahman Malik met Maulvi Abdul Kabir in Kabul. Dr. Hussain was not present."
    ms = mentions_of(nlp, text)
    assert "Abdul Rahman Malik" in names(ms)
    assert "Abdul Kabir" in names(ms)
    # a one-word name keeps its honorific
    assert "Dr. Hussain" in names(ms)
    role = by_text(ms, "Lt. Gen.")
    assert not role.is_name and role.source == "role"
    assert role.cluster == cluster_of(ms, "Abdul Rahman Malik")


def test_entities_headings_keep_only_names_the_body_has(nlp):
    text = (
        "Fragile Rule: Internal Struggles, Border Tensions and Mujahid’s Arrest\n\n"
        "Zabihullah Mujahid spoke to reporters in Kabul on Monday.\n"
    )
    ms = mentions_of(nlp, text)
    heading_end = text.index("\n")
    in_heading = [m.text for m in ms if m.start < heading_end]
    assert "Border Tensions" not in in_heading
    assert all(n in ("Mujahid",) for n in in_heading)
    assert "Mujahid" in in_heading
    assert cluster_of(ms, "Mujahid") == cluster_of(ms, "Zabihullah Mujahid")


def test_entities_dates_and_numbers_are_not_mentions(nlp):
    text = "On 26 August 2021, 13 US service members and about 170 Afghans were killed in Kabul."
    ms = mentions_of(nlp, text)
    assert all(any(ch.isalpha() for ch in m.text) for m in ms)
    assert not any("August" in m.text or "2021" in m.text for m in ms)
    assert "Kabul" in names(ms)


def test_entities_shouted_junk_is_dropped(nlp):
    text = "BREAKING NEWS UPDATE FROM THE FRONT\nThe Taliban said on Friday that the road was open."
    ms = mentions_of(nlp, text)
    assert not any(m.text.isupper() and " " in m.text for m in ms)
    assert "Taliban" in names(ms)


def test_entities_event_phrases(nlp):
    text = "Jafar was linked to the Kabul airport attack and the Abbey Gate bombing, officials said."
    ms = mentions_of(nlp, text)
    events = {m.text for m in ms if m.type == EntityType.EVENT}
    assert "Kabul airport attack" in events
    assert "Abbey Gate bombing" in events


def test_entities_arabic_script_does_not_crash(nlp):
    text = "قال المتحدث باسم طالبان ذبيح الله مجاهد إن الحركة لن تسمح بذلك. Zabihullah Mujahid (ذبيح الله مجاهد) said so."
    ms = mentions_of(nlp, text)
    assert all(text[m.start : m.end] == m.text for m in ms)


def test_entities_many_mentions_of_one_name_are_one_cluster(nlp):
    people = ["Ahmad Shah", "Karim Khan", "Bilal Ahmed", "Omar Farooq", "Yusuf Ali"]
    lines = []
    for i in range(1000):
        lines.append(f"{people[i % 5]} met officials of the Taliban and the TTP in Kabul, Reuters reported.")
    text = "\n".join(lines)
    ms = mentions_of(nlp, text)
    assert len([m for m in ms if m.is_name]) >= 5000
    assert len({m.cluster for m in ms if m.text == "Taliban"}) == 1


def test_entities_headline_verbs_are_not_part_of_names(nlp):
    text = "Rip Donald Trump: Mocking the candidate.\nDonald Trump Invokes the law. Donald Trump spoke in Ohio on Monday."
    ms = mentions_of(nlp, text)
    assert set(names(ms)) <= {"Donald Trump", "Ohio"}
    assert "Donald Trump" in names(ms)


def test_entities_datelines_are_not_entities(nlp):
    text = "KABUL, Afghanistan — The Taliban said Zabihullah Mujahid spoke in Afghanistan on Monday.\nWASHINGTON (AP) — Officials agreed."
    ms = mentions_of(nlp, text)
    assert "KABUL" not in names(ms) and "WASHINGTON" not in names(ms)
    afghanistan = [m for m in ms if m.text == "Afghanistan"]
    assert [m.start for m in afghanistan] == [text.index("Afghanistan", 20)]


def test_entities_occupation_before_a_name_is_a_role(nlp):
    text = "Comedian Ellen DeGeneres hosted the show in Los Angeles on Monday."
    ms = mentions_of(nlp, text)
    assert "Ellen DeGeneres" in names(ms)
    assert by_text(ms, "Comedian").is_name is False


_FIRST = ["Lena", "Darius", "Amira", "Tomas", "Ines", "Marek", "Sofia", "Yusuf", "Hana", "Pavel", "Nadia", "Olek"]
_LAST = ["Varga", "Kemal", "Haddad", "Keller", "Moreau", "Novak", "Brenner", "Sato", "Ionescu", "Petrov", "Ruiz"]


def _clusters(ms: list[Mention]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for m in ms:
        if m.is_name:
            out.setdefault(m.cluster, set()).add(m.text)
    return out


def test_entities_a_document_that_is_a_long_list_of_names_gives_no_giant_cluster(nlp):
    names_list = [f"{f} {l}" for f in _FIRST for l in _LAST]
    text = "Signatories: " + ", ".join(names_list) + "."
    ms = mentions_of(nlp, text)
    persons = [set(n) for n in _clusters(ms).values()]
    # a cluster may hold a name and its own short forms, never two different full names
    assert all(sum(1 for n in group if " " in n) <= 1 for group in persons)


def test_entities_a_name_repeated_ten_thousand_times_is_one_cluster(nlp):
    text = "Lena Varga, " * 10_000 + "and nobody else."
    ms = mentions_of(nlp, text)
    groups = _clusters(ms)
    assert sum(1 for g in groups.values() if "Lena Varga" in g) == 1


def test_entities_mixed_scripts_and_an_all_caps_article_do_not_break_the_stage(nlp):
    mixed = "The spokesman Darius Kemal (داریوش کمال) met Amira Haddad (أميرة حداد) in Kabul on Monday."
    ms = mentions_of(nlp, mixed)
    assert any(m.text == "Darius Kemal" for m in ms)
    shouted = ("THE SPOKESMAN DARIUS KEMAL SAID ON MONDAY THAT THE GOVERNMENT OF VELORIA WOULD TALK TO THE NORTHERN "
               "FRONT. KEMAL ADDED THAT AMIRA HADDAD WOULD LEAD THE TALKS IN KABUL.\n") * 20
    shouted_ms = mentions_of(nlp, shouted)
    assert all(len(g) <= 4 for g in _clusters(shouted_ms).values())


def test_entities_a_product_is_not_a_person(nlp):
    text = "Lena Varga bought a MacBook Pro and an iPhone in Boston on Monday."
    ms = mentions_of(nlp, text)
    assert all(m.type != EntityType.PERSON for m in ms if "MacBook" in m.text or "iPhone" in m.text)
    assert by_text(ms, "Lena Varga").type == EntityType.PERSON


def test_entities_a_headline_verb_is_not_grown_back_and_an_opening_adverb_is_cut(nlp):
    text = "Donald Trump Praises Putin Again\n\nCertainly Donald Trump said so. Kelly Ayotte agreed on Monday."
    ms = mentions_of(nlp, text)
    assert "Donald Trump Praises" not in names(ms) and "Certainly Donald Trump" not in names(ms)
    assert "Kelly Ayotte" in names(ms)


def test_entities_a_name_an_office_word_introduces_is_a_person_even_where_the_model_says_organisation(nlp):
    # the small model types some names it does not know as organisations; the office word before them says person
    for text in ("Health ministry spokesman Idriss Mahamat said on Monday that the clinic would reopen.",
                 "The ministry spokesman, Idriss Mahamat, said on Monday that the clinic would reopen."):
        ms = mentions_of(nlp, text)
        assert by_text(ms, "Idriss Mahamat").type is EntityType.PERSON, [(m.text, m.type) for m in ms]


def test_entities_a_name_an_office_describes_in_apposition_is_a_person(nlp):
    # "Idriss Mahamat, a spokesman,": the model typed the name an organisation; the apposition says person
    for text, name in (("Idriss Mahamat, a spokesman, said on Friday that the vaccination drive was over.", "Idriss Mahamat"),
                       ("Police have detained Shareefullah, a militant commander, near the border.", "Shareefullah"),
                       ("A senior Taliban commander, Sharifullah, was arrested on Tuesday.", "Sharifullah")):
        ms = mentions_of(nlp, text)
        assert by_text(ms, name).type is EntityType.PERSON, [(m.text, m.type) for m in ms]


def test_entities_an_apposition_or_office_never_makes_a_place_a_person(nlp):
    ms = mentions_of(nlp, "Officials in Kandahar, the provincial capital, said the minister, Pakistan's envoy, had left. "
                          "Pakistan, a key ally of the government, protested. The cable runs from Lisbon to Japan, a "
                          "company spokeswoman who asked not to be named said. She lived in Lagos and Port au Prince, "
                          "Haiti. Sen. Ann Ray of North Dakota, the chairman of the panel, agreed.")
    places = ("Kandahar", "Pakistan", "Japan", "Haiti", "North Dakota")
    assert all(m.type is not EntityType.PERSON for m in ms if m.is_name and m.text in places), \
        [(m.text, m.type) for m in ms]


def test_entities_an_office_word_never_makes_an_organisation_name_a_person(nlp):
    ms = mentions_of(nlp, "The spokesman Health Ministry said the clinic would reopen. A director of Chad Airlines spoke.")
    assert all(m.type is not EntityType.PERSON for m in ms if m.is_name and m.text in ("Health Ministry", "Chad Airlines"))


def test_entities_a_party_and_seat_after_a_name_is_no_alias_of_it(nlp):
    # "(R)" and "(R-Ill.)" follow many senators' names: as aliases they joined Kirk, Ayotte and McCain into one person
    ms = mentions_of(nlp, "Trump endorsed Sen. John McCain (R-Ariz.) and Sen. Kelly Ayotte (R). "
                          "Sen. Mark Kirk (R-Ill.) did not.")
    assert not any(m.text.startswith("R") for m in ms if m.is_name), [(m.text, m.cluster) for m in ms]
    assert len({cluster_of(ms, n) for n in ("John McCain", "Kelly Ayotte", "Mark Kirk")}) == 3


def test_entities_an_abbreviated_office_before_a_name_is_no_name(nlp):
    ms = mentions_of(nlp, '"This is the kind of crime the death penalty was made for," said Dist. Atty. Steve Cooley.')
    assert names(ms) == ["Steve Cooley"], [(m.text, m.is_name) for m in ms]
