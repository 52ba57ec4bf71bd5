"""Each construction that changes meaning, on sentences written for detente."""

from __future__ import annotations

import pytest

from detente.events.cameo import CameoTable
from detente.events.extract import EventExtractor, MentionIndex
from detente.events.grammar import Grammar
from detente.events.lexicon import Lexicon, read_entries
from detente.records import Actor, Mention
from tests.events.conftest import triples, with_mentions

pytestmark = pytest.mark.model

ACTORS = {
    "Norway": ("NOR", None),
    "Chile": ("CHL", None),
    "Peru": ("PER", None),
    "the Norwegian foreign minister": ("NOR", "GOV"),
    "Oslo": ("NOR", "GOV"),
    "Santiago": ("CHL", "GOV"),
    "Chilean lawmakers": ("CHL", "LEG"),
    "Ambassador Lindqvist": ("NOR", "GOV"),
    "President Ortega": ("CHL", "GOV"),
    "General Vik": ("NOR", "MIL"),
}


def test_active_verb(code) -> None:
    events = code("Norway condemned Chile on Monday.", ACTORS)
    assert ("Norway", "111", "Chile") in triples(events)


def test_negation_gives_no_event(code) -> None:
    assert code("Norway did not condemn Chile.", ACTORS) == []
    assert code("Norway has never accused Chile of spying.", ACTORS) == []


def test_has_yet_to_gives_no_event(code) -> None:
    assert code("President Ortega has yet to meet with Ambassador Lindqvist.", ACTORS) == []


def test_modality_gives_no_event(code) -> None:
    assert code("Norway may impose sanctions on Chile.", ACTORS) == []
    assert code("Norway is expected to meet Chile next week.", ACTORS) == []


def test_passive_with_agent(code) -> None:
    events = code("Chile was condemned by Norway for the arrests.", ACTORS)
    assert ("Norway", "111", "Chile") in triples(events)


def test_passive_without_agent_has_no_source(code) -> None:
    assert code("Chile was condemned for the arrests.", ACTORS) == []


def test_control_agree_to_meet_is_intent(code) -> None:
    events = code("President Ortega agreed to meet Ambassador Lindqvist in Lima.", ACTORS)
    assert triples(events) == {("President Ortega", "036", "Ambassador Lindqvist")}


def test_control_refuse_to_meet_is_rejection(code) -> None:
    events = code("President Ortega refused to meet Ambassador Lindqvist.", ACTORS)
    assert ("President Ortega", "125", "Ambassador Lindqvist") in triples(events)


def test_coordinated_subjects_give_two_events(code) -> None:
    events = code("President Ortega and General Vik agreed to meet Ambassador Lindqvist.", ACTORS)
    found = triples(events)
    assert ("President Ortega", "036", "Ambassador Lindqvist") in found
    assert ("General Vik", "036", "Ambassador Lindqvist") in found


def test_meeting_is_coded_both_ways(code) -> None:
    found = triples(code("Ambassador Lindqvist met President Ortega on Friday.", ACTORS))
    assert ("Ambassador Lindqvist", "040", "President Ortega") in found
    assert ("President Ortega", "040", "Ambassador Lindqvist") in found


def test_light_verb_impose_sanctions(code) -> None:
    found = triples(code("Chilean lawmakers voted to impose sanctions on Norway.", ACTORS))
    assert ("Chilean lawmakers", "163", "Norway") in found


def test_nominal_event_with_possessor(code) -> None:
    found = triples(code("Norway's sanctions against Chile took effect.", ACTORS))
    assert ("Norway", "163", "Chile") in found


def test_object_control_request_is_not_the_act(code) -> None:
    found = triples(code("Norway urged Chile to withdraw its troops from Peru.", ACTORS))
    assert ("Chile", "0872", "Peru") not in found
    assert any(src == "Norway" and tgt == "Chile" for src, _, tgt in found)


def test_reported_event_keeps_its_own_source(code) -> None:
    found = triples(code("Officials said Norway had expelled two Chilean diplomats.", ACTORS))
    assert not any(src == "Officials" for src, _, _ in found)


def test_future_conflict_is_a_threat(code) -> None:
    found = triples(code("Norway will impose sanctions on Chile, Oslo said.", ACTORS))
    assert ("Norway", "1312", "Chile") in found


def test_speaker_of_a_hostile_report_accuses_the_actor(code) -> None:
    found = triples(
        code("On Monday the Norwegian foreign minister said Chile invaded Peru.", ACTORS)
    )
    assert ("Chile", "190", "Peru") in found
    assert ("the Norwegian foreign minister", "112", "Chile") in found


def test_a_source_named_after_the_news_only_attributes_it(code) -> None:
    found = triples(
        code("Chile invaded Peru last year, the Norwegian foreign minister said.", ACTORS)
    )
    assert found == {("Chile", "190", "Peru")}


def test_unnamed_speaker_accuses_nobody(code) -> None:
    found = triples(code("Officials said Chile had invaded Peru.", ACTORS))
    assert found == {("Chile", "190", "Peru")}


def test_possibility_in_a_relative_clause_is_hypothetical(code) -> None:
    text = "There is a possibility President Ortega will meet Ambassador Lindqvist in May."
    assert code(text, ACTORS) == []


def test_will_meet_is_an_intent_to_meet(code) -> None:
    found = triples(code("President Ortega will meet Ambassador Lindqvist in May.", ACTORS))
    assert ("President Ortega", "036", "Ambassador Lindqvist") in found


def test_coordinated_parties_meet_each_other(code) -> None:
    found = {(s, c[:2], t) for s, c, t in triples(code("Chile and Peru met on Tuesday.", ACTORS))}
    assert found == {("Chile", "04", "Peru"), ("Peru", "04", "Chile")}


def test_talks_between_two_parties_are_mutual(code) -> None:
    found = triples(code("Talks between Chile and Peru resumed on Monday.", ACTORS))
    assert found == {("Chile", "040", "Peru"), ("Peru", "040", "Chile")}


def test_a_lone_party_cannot_meet_itself(code) -> None:
    assert code("Chile met on Tuesday.", ACTORS) == []


def test_will_not_is_a_refusal(code) -> None:
    found = triples(code("Peru will not lift its sanctions on Chile, Oslo said.", ACTORS))
    assert ("Peru", "1244", "Chile") in found  # refusing to ease sanctions
    assert code("Peru did not lift its sanctions on Chile.", ACTORS) == []


def test_wont_meet_is_a_refusal_to_meet(code) -> None:
    found = triples(code("President Ortega won't meet Ambassador Lindqvist.", ACTORS))
    assert ("President Ortega", "125", "Ambassador Lindqvist") in found


def test_will_not_in_the_passive_refuses_nothing(code) -> None:
    text = "The hopes of closer cooperation between Chile and Peru will not be realized."
    assert not [e for e in code(text, ACTORS) if e.cameo.startswith("12")]


def test_an_adjective_is_no_source_the_subject_of_the_governing_verb_is(code) -> None:
    text = "While resorting to harsh rhetoric against Chile, the Norwegian foreign minister smiled."
    assert ("the Norwegian foreign minister", "111", "Chile") in triples(code(text, ACTORS))


def test_no_threat_is_no_threat(code) -> None:
    assert code("The new Chilean base poses no threat to Peru, Oslo said.", ACTORS) == []
    assert triples(code("Chile poses a threat to Peru.", ACTORS)) == {("Chile", "130", "Peru")}


def test_talks_with_two_parties_do_not_make_them_meet(code) -> None:
    text = "Officials questioned his talks with President Ortega and General Vik."
    assert not any(src == "President Ortega" for src, _, _ in triples(code(text, ACTORS)))


def test_agreeing_to_an_event_noun_is_an_intent(code) -> None:
    found = triples(code("Chile agreed to talks with Peru on Monday.", ACTORS))
    assert ("Chile", "036", "Peru") in found


def test_dates_are_never_actors(bare_nlp, extractor) -> None:
    doc = with_mentions(bare_nlp("Norway condemned Chile on Monday in Lima."), ACTORS)
    pairs = extractor.pairs(doc, MentionIndex(doc, doc._.mentions))
    assert "Monday" not in {p.target.text for p in pairs}


def test_what_another_must_do_is_the_speakers_demand(code) -> None:
    text = "Chile must be held accountable for the arrests, the Norwegian foreign minister said."
    assert ("the Norwegian foreign minister", "100", "Chile") in triples(code(text, ACTORS))
    found = triples(code("Norway said on Friday that Chile must free the fishermen.", ACTORS))
    assert ("Norway", "100", "Chile") in found


def test_must_within_one_country_is_no_demand(code) -> None:
    assert code("Oslo said Norway must spend more on defence.", ACTORS) == []


def test_a_possible_war_is_no_war(code) -> None:
    found = triples(code("Peru called up reservists for a possible war against Chile.", ACTORS))
    assert not any(c.startswith("19") for _, c, _ in found)


def test_objects_of_the_particles_preposition_choose_the_code(code) -> None:
    found = triples(code("Chilean lawmakers called for sanctions against Norway.", ACTORS))
    assert ("Chilean lawmakers", "113", "Norway") in found
    found = triples(code("Norway accused Chile of spying on Peru.", ACTORS))
    assert ("Norway", "1125", "Chile") in found


def test_a_reported_pronoun_is_the_speaker(code) -> None:
    found = triples(code("Peru said it will not start talks with Chile this year.", ACTORS))
    assert ("Peru", "125", "Chile") in found


def test_a_purpose_clause_keeps_the_main_event(code) -> None:
    found = triples(code("Norway summoned Ambassador Lindqvist to complain.", ACTORS))
    assert ("Norway", "114", "Ambassador Lindqvist") in found


def test_reported_would_is_a_future(code) -> None:
    found = triples(code("Norway said it would send food aid to Chile.", ACTORS))
    assert any(src == "Norway" and c.startswith("03") and tgt == "Chile" for src, c, tgt in found)
    text = "Norway said that if Peru attacked, it would send food aid to Chile."
    assert not [e for e in code(text, ACTORS) if e.cameo.startswith("03")]


def test_a_wish_for_ties_with_a_country_is_an_intent_toward_it(code) -> None:
    text = "President Ortega has expressed his wish for closer ties with Norway."
    assert ("President Ortega", "030", "Norway") in triples(code(text, ACTORS))


def test_the_first_target_slot_that_holds_an_actor_wins(bare_nlp) -> None:
    entry = '- code: "042"\n  verbs: [escort]\n  target: [obj, prep to]\n'
    lexicon = Lexicon(read_entries(entry, "test"))
    extractor = EventExtractor(lexicon, Grammar.load(), CameoTable.load())

    def run(text: str) -> set[tuple[str, str, str]]:
        return triples(extractor.extract(with_mentions(bare_nlp(text), ACTORS)))

    assert run("Norway escorted the old convoy to Chile.") == {("Norway", "042", "Chile")}
    assert run("Norway escorted Peru to Chile.") == {("Norway", "042", "Peru")}
    assert run("The old convoy was escorted by Norway to Chile.") == {("Norway", "042", "Chile")}


def test_a_date_is_no_particle(code) -> None:
    text = "President Ortega called Ambassador Lindqvist on Friday to congratulate him."
    found = triples(code(text, ACTORS))
    assert ("President Ortega", "041", "Ambassador Lindqvist") in found
    assert not any(c.startswith("02") for _, c, _ in found)


def test_calling_on_another_to_act_is_an_appeal(code) -> None:
    found = triples(code("Norway called on Chile to free the fishermen.", ACTORS))
    assert ("Norway", "020", "Chile") in found


def test_a_possessive_pronoun_stands_for_the_subject(code) -> None:
    text = "Ambassador Lindqvist was in the news, as his talks with President Ortega had leaked."
    found = triples(code(text, ACTORS))
    assert ("Ambassador Lindqvist", "040", "President Ortega") in found


def test_a_complaint_targets_whom_it_is_about_not_whom_it_is_made_to(code) -> None:
    actors = {"Chile": ("CHL", None), "the United Nations": ("IGO", None), "Peru": ("PER", None)}
    for text in [
        "Chile complained to the United Nations about Peru on Monday.",
        "Chile complained to the United Nations over Peru's raids.",
    ]:
        found = triples(code(text, actors))
        assert [(s, c[:2], t) for s, c, t in found] == [("Chile", "11", "Peru")], found


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean press wrote a lot about what President Ortega will discuss with Ambassador "
        "Lindqvist.",
        "Chilean newspapers speculated about how Peru will attack Norway.",
    ],
)
def test_talk_about_what_will_happen_is_no_intent(code, text: str) -> None:
    assert code(text, ACTORS) == []


def test_an_unnamed_speaker_still_speaks_for_its_pronoun(code) -> None:
    text = "The striking dockers said they had condemned Santiago."
    found = triples(code(text, ACTORS))
    assert ("The striking dockers", "111", "Santiago") in found


def test_the_named_speaker_stands_for_a_pronoun_that_has_its_own_mention(
    bare_nlp, extractor
) -> None:
    text = "President Ortega said he will meet Ambassador Lindqvist."
    doc = with_mentions(bare_nlp(text), ACTORS)
    start = doc.text.index(" he ") + 1
    pronoun = Mention("he", start, start + 2, Actor("CHL", "GOV", name=None, method="coref"))
    doc._.mentions = sorted([*doc._.mentions, pronoun], key=lambda m: m.start)
    found = triples(extractor.extract(doc))
    assert ("President Ortega", "036", "Ambassador Lindqvist") in found
    assert not any(s == "he" for s, _, _ in found)


def test_a_refusal_until_a_condition_is_met_is_addressed_to_who_must_meet_it(code) -> None:
    text = "Norway will not lift the embargo until Chile frees the fishermen."
    found = triples(code(text, ACTORS))
    assert any(s == "Norway" and c.startswith("12") and t == "Chile" for s, c, t in found), found
    text = "Chilean lawmakers said they will not end the boycott until their terms are met by Oslo."
    found = triples(code(text, ACTORS))
    assert any(s == "Chilean lawmakers" and c.startswith("12") and t == "Oslo" for s, c, t in found)


def test_a_condition_without_a_refusal_is_no_refusal(code) -> None:
    text = "Norway kept the embargo in place until Chile freed the fishermen."
    assert not [e for e in code(text, ACTORS) if e.cameo.startswith("12")]


def test_saying_another_was_responsible_accuses_it(code) -> None:
    for text in (
        "Norway said Chile was responsible for the explosion at the port.",
        "Norway said on Sunday that Chile was behind the raid.",
        "Norway said Chile was to blame for the blackout.",
    ):
        assert ("Norway", "112", "Chile") in triples(code(text, ACTORS)), text


def test_saying_another_was_not_responsible_accuses_nobody(code) -> None:
    assert code("Norway said Chile was not responsible for the explosion.", ACTORS) == []
    assert code("Oslo said Norway was behind the new port deal.", ACTORS) == []


def test_a_document_speaks_for_whoever_issued_it(code) -> None:
    found = triples(code("Norway issued a statement on Friday condemning Chile.", ACTORS))
    assert ("Norway", "111", "Chile") in found
    found = triples(code("Chilean lawmakers passed a resolution urging Peru to withdraw.", ACTORS))
    assert ("Chilean lawmakers", "020", "Peru") in found
    text = "A statement released by Oslo on Monday condemning Chile was read out in Lima."
    assert ("Oslo", "111", "Chile") in triples(code(text, ACTORS))


def test_reading_a_document_does_not_make_the_reader_its_author(code) -> None:
    found = triples(code("Norway read a report accusing Chile of fraud.", ACTORS))
    assert not any(s == "Norway" for s, _, _ in found)


def test_what_an_appeal_asks_for_is_not_whom_it_asks(code) -> None:
    assert code("Norway called for an inquiry into the shooting.", ACTORS) == []
    found = triples(code("Norway urged Chile to free the sailors.", ACTORS))
    assert ("Norway", "020", "Chile") in found


def test_an_investigation_announced_is_an_investigation(code) -> None:
    found = triples(code("Norway agreed to investigate Chile over the spill.", ACTORS))
    assert ("Norway", "090", "Chile") in found


def test_who_raises_concern_about_an_act_did_not_do_it(code) -> None:
    text = "Norway raised concerns about the detention of Chilean lawmakers."
    found = triples(code(text, ACTORS))
    assert ("Norway", "110", "Chilean lawmakers") in found
    assert not any(s == "Norway" and c.startswith("17") for s, c, _ in found), found
    found = triples(code("Norway launched an attack on Chile.", ACTORS))
    assert ("Norway", "190", "Chile") in found


def test_target_named_by_whom_the_thing_was_filed(code) -> None:
    events = code("Norway rejected an appeal filed by Chile last week.", ACTORS)
    assert {(e.source.text, e.target.text) for e in events} == {("Norway", "Chile")}
    assert all(e.cameo.startswith("12") for e in events)


def test_target_out_of_a_place(code) -> None:
    events = code("Norway refused to allow private charter flights out of Chile since May.", ACTORS)
    assert [(e.source.text, e.target.text) for e in events] == [("Norway", "Chile")]


def test_target_not_searched_in_what_something_is_about(code) -> None:
    events = code("Norway dismissed questions about the conversation with Chile.", ACTORS)
    assert all(e.target.text != "Chile" for e in events)


STATE_ACTORS = {
    "A Peruvian reporter": ("PER", "MED"),
    "Two Norwegian monitors": ("NOR", None),
    "Chile": ("CHL", None),
    "Peru": ("PER", None),
}


def test_agentless_arrest_is_by_the_state_where_it_happened(code) -> None:
    events = code("A Peruvian reporter was arrested on Friday in Chile.", STATE_ACTORS)
    assert triples(events) == {("Chile", "173", "A Peruvian reporter")}


def test_agentless_expulsion_is_by_the_state_it_is_from(code) -> None:
    events = code("Two Norwegian monitors have been expelled from Chile.", STATE_ACTORS)
    assert {(e.source.text, e.target.text) for e in events} == {("Chile", "Two Norwegian monitors")}
    assert all(e.root in {"16", "17"} for e in events)


def test_agentless_acts_of_anyone_have_no_source(code) -> None:
    assert code("Peru was condemned in Chile for the arrests.", STATE_ACTORS) == []
    assert code("A Peruvian reporter was arrested in March.", STATE_ACTORS) == []


@pytest.mark.parametrize(
    "text",
    [
        "Peru sent envoys to Lima in a bid to pressure the Chilean rebels.",
        "A judge gave the police permission to detain the Chilean rebels.",
        "Peru launched an offensive to retake the Chilean rebels' outpost.",
    ],
)
def test_a_noun_an_infinitive_modifies_does_not_act(code, text: str) -> None:
    actors = {**ACTORS, "the Chilean rebels": ("CHL", "REB")}
    found = triples(code(text, actors))
    assert not [s for s, _, _ in found if s not in actors], found


def test_what_is_violated_is_not_whom(code) -> None:
    assert code("Peru and Norway violated the fishing accord twice in May.", ACTORS) == []
    assert code("Norwegian rebels violated the truce on Sunday.", ACTORS) == []
    found = triples(code("Peru violated a ceasefire with Chile.", ACTORS))
    assert ("Peru", "196", "Chile") in found


def test_who_concedes_to_demands_did_not_make_them(code) -> None:
    found = triples(code("Norway conceded to demands from Peru to reopen the port.", ACTORS))
    assert found == {("Norway", "080", "Peru")}
    found = triples(code("Norway renewed its demand for Chile to free the sailors.", ACTORS))
    assert ("Norway", "100", "Chile") in found
