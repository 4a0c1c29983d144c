"""In-document aliases: which names of one document are one thing."""

from __future__ import annotations

from storyline.model import EntityType

from ._entity_helpers import by_text, cluster_of, mentions_of, names


def test_aliases_aka_list(nlp):
    text = "Police arrested Muhammad Sharif Jafar, aka Naser, Ajmal, in Balochistan last week."
    ms = mentions_of(nlp, text)
    c = cluster_of(ms, "Muhammad Sharif Jafar")
    assert cluster_of(ms, "Naser") == c
    assert cluster_of(ms, "Ajmal") == c
    assert by_text(ms, "Ajmal").type == EntityType.PERSON


def test_aliases_also_known_as_and_alias(nlp):
    text = "Abu Bakr al-Baghdadi, also known as Abu Dua, led the group. Hafiz Saeed (alias Hafiz Sahib) spoke in Lahore."
    ms = mentions_of(nlp, text)
    assert cluster_of(ms, "Abu Dua") == cluster_of(ms, "Abu Bakr al-Baghdadi")
    assert cluster_of(ms, "Hafiz Sahib") == cluster_of(ms, "Hafiz Saeed")
    assert cluster_of(ms, "Hafiz Saeed") != cluster_of(ms, "Abu Bakr al-Baghdadi")


def test_aliases_relative_clause_and_spelling_cues(nlp):
    text = ("Officials said Mr. Haroon Qadeer, who is also known as Abu Talha, ran the cell. "
            "Its courier, Nasrullah Wardak, whose name is also spelled Nasrulla Wardag, was detained.")
    ms = mentions_of(nlp, text)
    assert cluster_of(ms, "Abu Talha") == cluster_of(ms, "Haroon Qadeer")
    assert cluster_of(ms, "Nasrulla Wardag") == cluster_of(ms, "Nasrullah Wardak")
    assert cluster_of(ms, "Nasrullah Wardak") != cluster_of(ms, "Haroon Qadeer")


def test_aliases_a_restrictive_known_as_after_an_of_phrase_names_the_head_not_the_name(nlp):
    text = "Vardan Front Coast Command, the coastal wing of the Vardan Front known as VFC, claimed the raid."
    ms = mentions_of(nlp, text)
    assert cluster_of(ms, "Vardan Front") != cluster_of(ms, "VFC")
    text = "Telo Marek, also known as Abu Lina, led the wing of the Vardan Front."
    ms = mentions_of(nlp, text)
    assert cluster_of(ms, "Abu Lina") == cluster_of(ms, "Telo Marek")


def test_aliases_alias_noun_list(nlp):
    text = "Investigators tracked Abdul Wali Khorasani, a commander with multiple aliases—including Wali, Qasim, and Tariq—across the border."
    ms = mentions_of(nlp, text)
    c = cluster_of(ms, "Abdul Wali Khorasani")
    assert cluster_of(ms, "Qasim") == c
    assert cluster_of(ms, "Tariq") == c


def test_aliases_quoted_nickname(nlp):
    text = "Joaquín “El Chapo” Guzmán was extradited to the United States in 2017."
    ms = mentions_of(nlp, text)
    assert cluster_of(ms, "El Chapo") == cluster_of(ms, "Guzmán")


def test_aliases_parenthesised_acronyms(nlp):
    text = (
        "The Kabul Ministry of Health (KMH) released figures. Tehreek-e-Taliban Pakistan (TTP) denied it, "
        "and the KMH later revised them. Later the TTP repeated its denial."
    )
    ms = mentions_of(nlp, text)
    kmh = [m.cluster for m in ms if m.text == "KMH"]
    assert set(kmh) == {cluster_of(ms, "Kabul Ministry of Health")}
    assert cluster_of(ms, "TTP") == cluster_of(ms, "Tehreek-e-Taliban Pakistan")
    assert by_text(ms, "TTP").canonical == "Tehreek-e-Taliban Pakistan"


def test_aliases_parenthesised_place_is_not_an_alias(nlp):
    text = "Abdullah Kabuli (Afghanistan) and Hamid Gul (Pakistan) were named in the report."
    ms = mentions_of(nlp, text)
    assert cluster_of(ms, "Afghanistan") != cluster_of(ms, "Abdullah Kabuli")


def test_aliases_surname_and_first_name_short_forms(nlp):
    text = (
        "Muhammad Sharif Jafar was released in 2021. Zabihullah Mujahid denied any link. "
        "Jafar later fled, and Mujahid said the claims were false."
    )
    ms = mentions_of(nlp, text)
    assert cluster_of(ms, "Jafar") == cluster_of(ms, "Muhammad Sharif Jafar")
    assert cluster_of(ms, "Mujahid") == cluster_of(ms, "Zabihullah Mujahid")
    assert cluster_of(ms, "Jafar") != cluster_of(ms, "Mujahid")
    assert by_text(ms, "Jafar").canonical == "Muhammad Sharif Jafar"
    assert by_text(ms, "Jafar").type == EntityType.PERSON


def test_aliases_shared_family_name_stays_apart(nlp):
    text = (
        "Sirajuddin Haqqani met Khalil Haqqani in Kandahar on Monday. "
        "Haqqani said nothing afterwards."
    )
    ms = mentions_of(nlp, text)
    assert cluster_of(ms, "Sirajuddin Haqqani") != cluster_of(ms, "Khalil Haqqani")
    bare = cluster_of(ms, "Haqqani")
    assert bare not in (cluster_of(ms, "Sirajuddin Haqqani"), cluster_of(ms, "Khalil Haqqani"))


def test_aliases_middle_name_variants_join(nlp):
    text = "Khalil Ahmed Haqqani was the minister. The killing of Khalil-ur-Rehman Haqqani was claimed by the group."
    ms = mentions_of(nlp, text)
    assert cluster_of(ms, "Khalil Ahmed Haqqani") == cluster_of(ms, "Khalil-ur-Rehman Haqqani")


def test_aliases_role_apposition_and_later_role(nlp):
    text = (
        "Zabihullah Mujahid, spokesperson for the Taliban-led Islamic Emirate of Afghanistan (IEA), rejected the report. "
        "Ahmad Shah, a farmer, disagreed. The IEA spokesman said the report was biased."
    )
    ms = mentions_of(nlp, text)
    person = cluster_of(ms, "Zabihullah Mujahid")
    roles = [m for m in ms if not m.is_name]
    assert all(m.source == "role" for m in roles)
    appos = [m for m in roles if m.text.startswith("spokesperson for")]
    assert appos and appos[0].cluster == person
    later = [m for m in roles if m.start > text.index("The IEA spokesman")]
    assert later and later[0].cluster == person
    assert cluster_of(ms, "IEA") == cluster_of(ms, "Islamic Emirate of Afghanistan")
    assert cluster_of(ms, "IEA") != person


def test_aliases_role_before_name_and_bare_role(nlp):
    text = (
        "The Taliban spokesman Zabihullah Mujahid said the border was calm. "
        "Interior Minister Sirajuddin Haqqani disagreed. Later the spokesman said the minister was wrong."
    )
    ms = mentions_of(nlp, text)
    muj, siraj = cluster_of(ms, "Zabihullah Mujahid"), cluster_of(ms, "Sirajuddin Haqqani")
    roles = {m.start: m for m in ms if not m.is_name}
    later = text.index("Later")
    bare_spokes = [m for s, m in roles.items() if s > later and "spokesman" in m.text]
    bare_min = [m for s, m in roles.items() if s > later and "minister" in m.text]
    assert bare_spokes and bare_spokes[0].cluster == muj
    assert bare_min and bare_min[0].cluster == siraj
    assert any(m.cluster == muj and m.start < text.index("Zabihullah") for m in roles.values())


def test_aliases_indefinite_role_is_not_linked(nlp):
    text = "Zabihullah Mujahid, the Taliban spokesman, spoke first. A spokesman for the ministry declined to comment."
    ms = mentions_of(nlp, text)
    late = text.index("A spokesman")
    assert not any(not m.is_name and m.start >= late and m.start < late + 12 for m in ms)
    assert "ministry" not in names(ms)


def test_aliases_honorific_gender_picks_the_family_member(nlp):
    text = ("Barack Obama and Michelle Obama visited Ohio on Monday. Mr. Obama spoke first. "
            "Mrs. Obama spoke about schools.")
    ms = mentions_of(nlp, text)
    assert cluster_of(ms, "Mr. Obama") == cluster_of(ms, "Barack Obama")
    assert cluster_of(ms, "Mrs. Obama") == cluster_of(ms, "Michelle Obama")
    assert cluster_of(ms, "Barack Obama") != cluster_of(ms, "Michelle Obama")


def test_aliases_mr_and_mrs_of_one_family_name_stay_apart(nlp):
    text = ("Hillary Clinton met Bill Clinton in Iowa. Mrs. Clinton said the campaign was strong. "
            "Mr. Clinton agreed.")
    ms = mentions_of(nlp, text)
    assert cluster_of(ms, "Mrs. Clinton") == cluster_of(ms, "Hillary Clinton")
    assert cluster_of(ms, "Mr. Clinton") == cluster_of(ms, "Bill Clinton")
    assert cluster_of(ms, "Mrs. Clinton") != cluster_of(ms, "Mr. Clinton")


def test_aliases_generational_suffix_is_part_of_the_name(nlp):
    text = "Donald Trump Jr. spoke after Donald Trump at the rally. Mr. Trump thanked his son."
    ms = mentions_of(nlp, text)
    assert cluster_of(ms, "Donald Trump Jr.") != cluster_of(ms, "Donald Trump")
    # two men could be "Mr. Trump": it joins neither
    assert cluster_of(ms, "Mr. Trump") not in (cluster_of(ms, "Donald Trump Jr."), cluster_of(ms, "Donald Trump"))


def test_aliases_a_city_is_not_the_first_name_of_a_person(nlp):
    text = "Charlotte Meehan lives in Charlotte, where the mayor met her family."
    ms = mentions_of(nlp, text)
    assert by_text(ms, "Charlotte").type == EntityType.PLACE
    assert cluster_of(ms, "Charlotte") != cluster_of(ms, "Charlotte Meehan")


def test_aliases_a_generational_suffix_is_no_family_name(nlp):
    text = ("The president was flanked by Vice President Joseph R. Biden Jr., Defense Secretary Ashton B. Carter and "
            "Gen. Joseph F. Dunford Jr., the chairman of the Joint Chiefs of Staff. Later Joseph R. Biden Jr. spoke.")
    ms = mentions_of(nlp, text)
    biden = [m.cluster for m in ms if m.text == "Joseph R. Biden Jr."]
    dunford = [m.cluster for m in ms if m.text.endswith("Dunford Jr.")]
    assert biden and dunford, [m.text for m in ms]
    assert len(set(biden)) == 1 and biden[0] not in dunford
