"""Speakers resolved with agreement: pronouns, unnamed sources, organisations, datelines, and what is no statement.

Synthetic sentences only. Each test runs the rules alone (``model=None``) so it states what the rules do; the
learned scorer only drops or adds candidates, it never picks a speaker."""

from __future__ import annotations

import datetime as dt

from storyline.model import Document, EntityType, Mention
from storyline.nlp.antecedents import FEMALE, MALE, MentionIndex, cluster_genders
from storyline.nlp.claims import claims_in_document
from storyline.nlp.statements import statements_in_document

from ._helpers import by_content, parsed_with, rule_statements

PER, ORG, PLACE = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE
PUB = dt.date(2025, 3, 8)


def _stm(nlp, text, names=None):
    return rule_statements(nlp, text, names, PUB)


_by_content = by_content


def _mention(text, name, etype, cluster, *, is_name=True):
    i = text.index(name)
    return Mention("d", i, i + len(name), name, etype, cluster, name, is_name=is_name)


def test_genders_come_from_honorifics_roles_and_unambiguous_pronouns():
    text = ("Mr. Tom Brady arrived. Maria Lopez spoke next. Her office had drafted the plan. "
            "Lee Park, the chairwoman, agreed.")
    mentions = [_mention(text, "Tom Brady", PER, 1), _mention(text, "Maria Lopez", PER, 2),
                _mention(text, "Lee Park", PER, 3), _mention(text, "the chairwoman", PER, 3, is_name=False)]
    assert cluster_genders(text, mentions) == {1: MALE, 2: FEMALE, 3: FEMALE}


def test_a_gendered_given_name_sets_the_gender_the_text_does_not():
    text = "Donald Trump and Hillary Clinton met the press in Ohio, and each of them spoke twice."
    mentions = [_mention(text, "Donald Trump", PER, 1), _mention(text, "Hillary Clinton", PER, 2)]
    assert cluster_genders(text, mentions) == {1: MALE, 2: FEMALE}
    index = MentionIndex(mentions, text)
    assert index.resolve_pronoun("she", len(text)).cluster == 2
    assert index.resolve_pronoun("he", len(text)).cluster == 1


def test_gender_votes_skip_sentences_with_two_people():
    text = "Robin Lopez met Kim Brady. She thanked him."  # given names of either gender
    mentions = [_mention(text, "Robin Lopez", PER, 1), _mention(text, "Kim Brady", PER, 2)]
    assert cluster_genders(text, mentions) == {}


def test_she_skips_a_nearer_man_for_the_woman_before_him(nlp):
    text = "Maria Lopez, the senator, introduced Mr. Tom Brady. She said that the deal was done."
    out = _stm(nlp, text, {"Maria Lopez": (PER, 1), "Tom Brady": (PER, 2)})
    s = _by_content(out, "the deal was done")
    assert (s.speaker_text, s.speaker_cluster) == ("She", 1)


def test_he_resolves_to_the_man_not_the_nearer_woman(nlp):
    text = "Mr. Omar Khan hired Ms. Jane Doe in May. He said that the hiring was overdue."
    out = _stm(nlp, text, {"Omar Khan": (PER, 1), "Jane Doe": (PER, 2)})
    assert _by_content(out, "the hiring was overdue").speaker_cluster == 1


def test_a_speaker_pronoun_never_means_the_person_its_own_quote_names(nlp):
    text = ('Mr. Paul Reyes spoke at the rally in Dayton. '
            '"I know Mr. Victor Hale, and I can tell you he will never run this state," he said.')
    out = _stm(nlp, text, {"Paul Reyes": (PER, 1), "Victor Hale": (PER, 2)})
    s = _by_content(out, "never run this state")
    assert (s.speaker_text, s.speaker_cluster) == ("he", 1)


def test_a_pronoun_after_an_indirect_claim_skips_the_person_the_claim_is_about(nlp):
    text = "Mr. Luis Ortega took the stage on Friday. Mr. Ivan Petrov is not fit for office, he said."
    out = _stm(nlp, text, {"Luis Ortega": (PER, 1), "Ivan Petrov": (PER, 2)})
    s = _by_content(out, "not fit for office")
    assert s.speaker_cluster == 1


def test_a_paraphrase_after_the_cue_may_name_the_speaker_again(nlp):
    text = "Mr. Luis Ortega met the press on Friday. He said that the board had cleared Mr. Luis Ortega of wrongdoing."
    out = _stm(nlp, text, {"Luis Ortega": (PER, 1)})
    assert _by_content(out, "cleared").speaker_cluster == 1


def test_an_organisation_may_name_itself_in_its_own_quote(nlp):
    text = 'The Harbour Authority met on Monday. "The Harbour Authority will review the fines," it said.'
    out = _stm(nlp, text, {"Harbour Authority": (ORG, 4)})
    assert _by_content(out, "review the fines").speaker_cluster == 4


def test_a_name_inside_an_earlier_quote_is_only_a_last_resort(nlp):
    text = ('Mr. Dan Welch answered the reporters. "Mr. Carl Moss asked me twice," he said. '
            'He added that the talks would resume.')
    out = _stm(nlp, text, {"Dan Welch": (PER, 1), "Carl Moss": (PER, 2)})
    assert _by_content(out, "the talks would resume").speaker_cluster == 1


def test_a_pronoun_prefers_the_subject_of_the_sentence_before_over_its_object(nlp):
    text = "Mr. Paul Reyes answered the charges of Mr. Victor Hale on Tuesday. He said that the audit was fair."
    out = _stm(nlp, text, {"Paul Reyes": (PER, 1), "Victor Hale": (PER, 2)})
    assert _by_content(out, "the audit was fair").speaker_cluster == 1


def test_in_its_own_sentence_a_pronoun_keeps_the_nearest_person(nlp):
    text = "Mr. Paul Reyes hired Mr. Victor Hale after he said that the audit was fair."
    out = _stm(nlp, text, {"Paul Reyes": (PER, 1), "Victor Hale": (PER, 2)})
    assert _by_content(out, "the audit was fair").speaker_cluster == 2


def test_pronoun_index_takes_a_quoted_name_when_none_lies_outside_quotes():
    text = 'Then came the reply. "Omar Khan was there." He left.'
    index = MentionIndex([_mention(text, "Omar Khan", PER, 2)], text)
    quoted = ((text.index("Omar"), text.index(" was there") + len(" was there.")),)
    found = index.resolve_pronoun("he", text.index("He"), quoted=quoted)
    assert found is not None and found.cluster == 2
    assert index.resolve_pronoun("he", text.index("He"), quoted=quoted, avoid=frozenset({2})) is None


def test_they_is_an_organisation_not_one_named_person(nlp):
    text = "The Acme Corporation hired Jane Doe last year. They said that profits would rise."
    out = _stm(nlp, text, {"Acme Corporation": (ORG, 1), "Jane Doe": (PER, 2)})
    assert _by_content(out, "profits would rise").speaker_cluster == 1


def test_it_is_an_organisation_not_a_person(nlp):
    text = "The Harbour Authority fined Jane Doe. It said that the fine stands."
    out = _stm(nlp, text, {"Harbour Authority": (ORG, 4), "Jane Doe": (PER, 2)})
    assert _by_content(out, "the fine stands").speaker_cluster == 4


def test_pronoun_index_without_text_keeps_type_agreement_only():
    text = "Jane Doe met Omar Khan. He left."
    index = MentionIndex([_mention(text, "Jane Doe", PER, 1), _mention(text, "Omar Khan", PER, 2)])
    found = index.resolve_pronoun("she", text.index("He"))
    assert found is not None and found.cluster == 2  # no text: no gender known, the nearest person


def test_unnamed_official_is_never_the_named_person_nearby(nlp):
    text = ("Commander Samir Aziz leads the fighters in the hills. "
            "A ministry official said on Monday that the investigations are ongoing.")
    out = _stm(nlp, text, {"Samir Aziz": (PER, 1)})
    s = _by_content(out, "the investigations are ongoing")
    assert s.speaker_text == "A ministry official"
    assert s.speaker_cluster is None


def test_unnamed_official_of_a_named_organisation_keeps_the_organisation(nlp):
    text = "Samir Aziz spoke first. A Defence Ministry official said that the road is closed."
    out = _stm(nlp, text, {"Samir Aziz": (PER, 1), "Defence Ministry": (ORG, 5)})
    s = _by_content(out, "the road is closed")
    assert s.speaker_cluster == 5


def test_aide_to_a_person_and_bare_sources_stay_unnamed(nlp):
    text = ("Samir Aziz arrived in the capital. An aide to Samir Aziz said that the talks had failed. "
            "Sources said that a deal was near.")
    out = _stm(nlp, text, {"Samir Aziz": (PER, 1)})
    assert _by_content(out, "the talks had failed").speaker_cluster is None
    assert _by_content(out, "a deal was near").speaker_cluster is None


def test_the_ministry_is_the_ministry_named_before_not_the_nearest_person(nlp):
    text = ("The Ministry of Transport opened the bridge. Its engineer, Lena Vos, cut the ribbon. "
            "The ministry said that 12 trucks crossed on the first day.")
    out = _stm(nlp, text, {"Ministry of Transport": (ORG, 3), "Lena Vos": (PER, 1)})
    assert _by_content(out, "12 trucks crossed").speaker_cluster == 3


def test_the_spokesman_is_the_person_introduced_as_spokesman(nlp):
    text = ("Ministry spokesman Karl Berg opened the briefing. Lena Vos, a reporter, asked about the strike. "
            "The spokesman said that the strike was over.")
    out = _stm(nlp, text, {"Karl Berg": (PER, 1), "Lena Vos": (PER, 2)})
    assert _by_content(out, "the strike was over").speaker_cluster == 1


def test_a_lone_capitalised_dateline_is_not_a_speaker(nlp):
    text = "VELMORA: The ministry said on Monday that the road to the port was open again.\n"
    out = _stm(nlp, text, {"VELMORA": (PLACE, 9)})
    assert all(s.speaker_text != "VELMORA" for s in out)
    assert _by_content(out, "the road to the port was open").speaker_text == "The ministry"


def test_an_outlet_label_gives_way_to_the_speaker_it_reports(nlp):
    text = "Harbour Times: The ministry said on Monday that the road to the port was open again.\n"
    out = _stm(nlp, text, {"Harbour Times": (ORG, 2)})
    s = _by_content(out, "the road to the port was open")
    assert s.speaker_text == "The ministry"
    assert all(x.speaker_text != "Harbour Times" for x in out)


def test_non_speech_verbs_with_an_object_are_not_cues(nlp):
    text = ("A harbour police sergeant did not find the missing boy. "
            "The second debate revealed a yawning gulf between the candidates. "
            "The protesters showed their anger at the rally.")
    out = _stm(nlp, text)
    assert [s.cue for s in out if s.cue in ("find", "reveal", "show")] == []


def test_a_report_finding_that_clause_is_still_an_attribution(nlp):
    text = "A new survey found that most voters back the harbour plan."
    out = _stm(nlp, text)
    s = _by_content(out, "most voters back the harbour plan")
    assert s.cue == "find"


def test_refusals_to_answer_are_no_statements(nlp):
    text = ("The Ministry of Transport did not respond to questions about the claim. "
            "The governor declined to comment on the report. "
            "The mayor refused to say how many people were arrested.")
    out = _stm(nlp, text, {"Ministry of Transport": (ORG, 3)})
    assert out == []


def test_refusal_to_answer_is_no_denial_claim(nlp):
    text = ("Rebels claimed the attack on the depot. "
            "The Ministry of Transport did not respond to questions about the claim.")
    parsed = parsed_with(nlp, text, {"Ministry of Transport": (ORG, 3)}, PUB)
    parsed.statements.extend(statements_in_document(parsed, model=None))
    claims = claims_in_document(parsed)
    assert all("did not respond" not in c.content for c in claims)


def test_a_quote_after_the_sentence_end_belongs_to_its_own_cue(nlp):
    text = ('Samir Aziz denied that his fighters had attacked the market. '
            '"We do not bomb our own people," Aziz said.')
    out = _stm(nlp, text, {"Samir Aziz": (PER, 1), "Aziz": (PER, 1)})
    s = _by_content(out, "We do not bomb our own people")
    assert (s.speaker_text, s.cue) == ("Aziz", "say")


def test_statement_offsets_stay_inside_the_document(nlp):
    text = Document.from_text("She said that it was over.").text
    for s in _stm(nlp, text):
        assert 0 <= s.start <= s.end <= len(text)


def test_a_dateline_is_not_part_of_the_reported_content(nlp):
    text = "VELMORA (Harbour Times) — At least 12 people died in the fire, according to doctors at the clinic.\n"
    out = _stm(nlp, text)
    s = _by_content(out, "At least 12 people died")
    assert s.content.startswith("At least 12 people died") and s.cue == "according to"


def test_speakers_mention_at_a_span_prefers_a_name_then_a_person_or_group_then_the_longest():
    def m(s: int, e: int, c: int, typ: EntityType = EntityType.PERSON, is_name: bool = True) -> Mention:
        return Mention("d", s, e, "x" * (e - s), typ, c, "x", "model" if is_name else "role", is_name)

    role, name, place, group = m(0, 40, 1, is_name=False), m(30, 33, 2), m(50, 60, 3, EntityType.PLACE), m(52, 58, 4, EntityType.ORGANIZATION)
    index = MentionIndex([group, place, name, role])  # any order: the index sorts
    assert index.cluster_at(31, 32) is name  # a name over the role phrase around it
    assert index.cluster_at(5, 10) is role  # only the role phrase is there
    assert index.cluster_at(53, 54) is group  # a group over a longer place name
    assert index.cluster_at(59, 70) is place
    assert index.cluster_at(42, 45) is None
    assert MentionIndex([]).cluster_at(0, 5) is None


def test_she_prefers_a_woman_in_the_window_over_a_nearer_person_of_unknown_gender(nlp):
    text = "Ms. Dana Reyes hosted the show with Quill. She said that the season would end early."
    out = _stm(nlp, text, {"Dana Reyes": (PER, 1), "Quill": (PER, 2)})
    assert _by_content(out, "the season would end early").speaker_cluster == 1


def test_he_still_takes_a_person_of_unknown_gender_when_no_man_is_in_the_window(nlp):
    text = "Quill hosted the show. He said that the season would end early."
    out = _stm(nlp, text, {"Quill": (PER, 2)})
    assert _by_content(out, "the season would end early").speaker_cluster == 2


def test_a_role_that_introduces_a_named_person_speaks_for_the_person_not_the_organisation_inside_it(nlp):
    text = "Asked about the raid, the Vardanian army spokesman, Mr. Telo Marek, said that the base had been empty."
    parsed = parsed_with(nlp, text, {"Vardanian army": (ORG, 1), "Telo Marek": (PER, 2)}, PUB)
    role = "Vardanian army spokesman"
    i = text.index(role)
    parsed.mentions.append(Mention(parsed.document.id, i, i + len(role), role, PER, 2, role, is_name=False))
    s = _by_content(statements_in_document(parsed, model=None), "the base had been empty")
    assert s.speaker_cluster == 2
    unnamed = "Asked about the raid, the Vardanian army spokesman said that the base had been empty."
    s = _by_content(_stm(nlp, unnamed, {"Vardanian army": (ORG, 1)}), "the base had been empty")
    assert s.speaker_cluster == 1  # no person introduced: the organisation the spokesman speaks for


def test_a_dateline_the_parser_makes_a_second_subject_is_not_the_speaker(nlp):
    text = ("PORT ALDER — Telo Marek, the spokesman of the Vardanian army, said on Monday that the base had been "
            "empty and that no one was hurt.")
    s = _by_content(_stm(nlp, text, {"Telo Marek": (PER, 2), "Vardanian army": (ORG, 1)}), "the base had been empty")
    assert "PORT ALDER" not in (s.speaker_text or "")
    assert s.speaker_cluster == 2


def test_the_person_named_at_the_head_of_the_speaker_phrase_speaks_not_the_organisation_before_the_office(nlp):
    from storyline.nlp.pipeline import analyze_documents

    text = "Health ministry spokesman Idriss Mahamat said on Monday that the clinic would reopen.\n"
    (a,) = analyze_documents([Document.from_text(text, source="X", published=PUB)], nlp)
    (s,) = a.statements
    speakers = {m.text for m in a.mentions if m.cluster == s.speaker_cluster and m.is_name}
    assert speakers == {"Idriss Mahamat"}, [(m.text, m.type, m.cluster) for m in a.mentions]


def test_a_historian_at_a_university_is_the_person_never_the_university(nlp):
    names = {"Jill Lepore": (PER, 1), "Harvard University": (ORG, 2)}
    after = '"The claim has no basis," said Jill Lepore, a historian at Harvard University.'
    before = 'A historian at Harvard University, Jill Lepore, said the claim "has no basis."'
    for text in (after, before):
        s = _by_content(_stm(nlp, text, names), "has no basis")
        assert s.speaker_cluster == 1, text
    unnamed = '"The claim has no basis," said a historian at Harvard University who studies the period.'
    s = _by_content(_stm(nlp, unnamed, {"Harvard University": (ORG, 2)}), "has no basis")
    assert s.speaker_cluster is None  # an unnamed source stays unnamed, not the institution
    spokesman = '"We are on track," said a spokesman for the Ministry of Defence.'
    s = _by_content(_stm(nlp, spokesman, {"Ministry of Defence": (ORG, 3)}), "We are on track")
    assert s.speaker_cluster == 3  # a spokesman speaks for the organisation


def test_the_place_named_as_a_city_of_speaks_as_the_place(nlp):
    text = "The city of Portmere said that the road would reopen on Friday."
    s = _by_content(_stm(nlp, text, {"Portmere": (PLACE, 4)}), "the road would reopen")
    assert s.speaker_cluster == 4


def test_according_to_a_described_source_leaves_the_description_out_of_the_content(nlp):
    text = "According to Mikhail Petrov, a historian at Moscow State University, the archive was never opened."
    s = _by_content(_stm(nlp, text, {"Mikhail Petrov": (PER, 1), "Moscow State University": (ORG, 2)}), "archive")
    assert s.content == "the archive was never opened"
    assert s.speaker_text == "Mikhail Petrov, a historian at Moscow State University"
    assert s.speaker_cluster == 1


def test_a_participle_aside_does_not_take_the_speaker_from_the_verb_it_interrupts(nlp):
    text = "Chief Justice John Roberts, writing for the Supreme Court, said the statute was clear."
    out = statements_in_document(parsed_with(nlp, text, {"John Roberts": (PER, 1), "Supreme Court": (ORG, 2)}, PUB))
    s = _by_content(out, "the statute was clear")
    assert s.speaker_cluster == 1
    assert all(st.speaker_cluster != 2 and "Supreme Court" not in st.content for st in out)  # on whose behalf he wrote


def test_a_pronoun_after_a_phrase_naming_someone_else_continues_the_last_speaker(nlp):
    names = {"John Smith": (PER, 1), "Tom Jones": (PER, 2)}
    between = ('"The plan is dead," Senator John Smith said on Monday. The bill, proposed by Governor Tom Jones in '
               "March, would cut taxes for small firms. He added that the vote would fail.")
    spoken_of = "Senator John Smith said Governor Tom Jones was wrong about the budget. He added that the vote would fail."
    for text in (between, spoken_of):
        assert _by_content(_stm(nlp, text, names), "the vote would fail").speaker_cluster == 1, text


def test_a_pronoun_still_takes_the_subject_or_a_newly_introduced_person_over_the_last_speaker(nlp):
    names = {"John Smith": (PER, 1), "Tom Jones": (PER, 2)}
    subject = "Senator John Smith said the plan would fail. Governor Tom Jones disagreed on Tuesday. He said the bill would pass."
    assert _by_content(_stm(nlp, subject, names), "the bill would pass").speaker_cluster == 2
    introduced = ('"The plan is dead," Senator John Smith said. The delay worried Tom Jones, president of the farmers\' '
                  'union. "We cannot wait," he said.')
    assert _by_content(_stm(nlp, introduced, names), "We cannot wait").speaker_cluster == 2
    inside = ('Senator John Smith said Tom Jones was "absolutely right" when he said on Monday that the plan was dead.')
    found = [s for s in statements_in_document(parsed_with(nlp, inside, names, PUB)) if s.speaker_text == "he"]
    assert all(s.speaker_cluster == 2 for s in found)  # a pronoun inside the reported words: its own nearest name


def test_what_a_reporter_says_someone_hopes_or_did_is_the_reporter_statement(nlp):
    text = ("White House spokesman Josh Earnest said Monday that President Barack Obama hopes that his successor will "
            "push for the same goals.")
    out = statements_in_document(parsed_with(nlp, text, {"Josh Earnest": (PER, 1), "Barack Obama": (PER, 2)}, PUB))
    assert [s.speaker_cluster for s in out] == [1]
    nested_speech = "Mr. Trump said that Mrs. Clinton had claimed the deal was the gold standard."
    out = statements_in_document(parsed_with(nlp, nested_speech, {"Trump": (PER, 1), "Clinton": (PER, 2)}, PUB))
    assert {s.speaker_cluster for s in out} <= {1, 2}  # a speech cue inside may give the nested subject a statement


def test_a_document_written_by_a_person_speaks_as_its_author_not_its_institution(nlp):
    text = "The Supreme Court opinion, authored by Justice Elena Kagan, found that the state had overstepped."
    s = _by_content(_stm(nlp, text, {"Supreme Court": (ORG, 1), "Elena Kagan": (PER, 2)}), "the state had overstepped")
    assert s.speaker_cluster == 2


def test_a_city_that_stands_for_its_team_reports_no_sports_result(nlp):
    names = {"Indianapolis": (PLACE, 1), "Houston": (PLACE, 2)}
    result = "Indianapolis claimed a 24-20 victory over Houston on Sunday, its third straight win."
    assert statements_in_document(parsed_with(nlp, result, names, PUB)) == []
    government = "Indianapolis said on Monday that it would host the tournament again."
    s = _by_content(statements_in_document(parsed_with(nlp, government, names, PUB)), "host the tournament")
    assert s.speaker_cluster == 1  # a place speaks as its government does


def test_a_name_the_parse_hangs_on_the_dateline_is_the_speaker(nlp):
    text = ("WASHINGTON -- President Tom Brady, opening the new museum on Saturday, said it would tell an American "
            "story.")
    s = _by_content(_stm(nlp, text, {"Tom Brady": (PER, 1)}), "it would tell an American story")
    assert s.speaker_text is not None and "WASHINGTON" not in s.speaker_text
    assert s.speaker_cluster == 1


def test_a_quote_closing_a_paragraph_is_not_taken_by_the_cue_opening_the_next_one(nlp):
    text = ('In 2023, Ruth Amsel called the levy unfair and said the old rate "must stay, full stop."\n\n'
            "Opposition leader Ben Ortiz accused her of hypocrisy.\n")
    names = {"Ruth Amsel": (PER, 1), "Ben Ortiz": (PER, 2)}
    quoted = [s for s in _stm(nlp, text, names) if s.content.startswith("must stay")]
    assert all(s.speaker_cluster != 2 for s in quoted), [(s.speaker_text, s.cue, s.content) for s in quoted]


def test_the_subject_of_an_adjective_speaks_through_its_infinitive(nlp):
    text = "Mara Lind is determined to warn her voters about the dangers of the new tax."
    out = _stm(nlp, text, {"Mara Lind": (PER, 1)})
    s = _by_content(out, "the dangers of the new tax")
    assert (s.speaker_text, s.speaker_cluster) == ("Mara Lind", 1)


def test_a_passive_attitude_with_a_clause_of_its_own_is_held_by_its_subject(nlp):
    from storyline.nlp.statements import statement_candidates

    text = "Farmers were frustrated that the ministry released only part of the report."
    cands = statement_candidates(parsed_with(nlp, text, None, PUB))
    s = next(s for s, _ in cands if "the ministry released" in s.content)
    assert s.speaker_text == "Farmers"


def test_the_one_told_something_is_not_its_speaker(nlp):
    text = "The farmers were told that the ministry would release the report."
    out = _stm(nlp, text)
    assert all(s.speaker_text != "The farmers" for s in out)


def test_stopping_short_of_calling_is_said_by_the_subject_of_stopping(nlp):
    text = "The governor described the march as a sad day, but stopped short of calling the protest a riot."
    out = _stm(nlp, text, {"The governor": (PER, 1)})
    s = _by_content(out, "the protest a riot")
    assert s.speaker_text == "The governor"
