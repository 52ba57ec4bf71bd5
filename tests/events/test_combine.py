"""The lexicon/learned combination, with a fake classifier standing in for the model."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.language import Language

from detente.events.cameo import CameoTable
from detente.events.combine import Combiner, pair_input
from detente.events.extract import EventExtractor, MentionIndex
from detente.events.grammar import predicate
from detente.events.learned import PairInput, Prediction
from detente.records import Actor, Mention
from tests.events.conftest import with_mentions

pytestmark = pytest.mark.model

ACTORS = {
    "Norway": ("NOR", None),
    "Chile": ("CHL", None),
    "Peru": ("PER", None),
    "the Peruvian navy": ("PER", "MIL"),
}


class FakeClassifier:
    """Says ``root`` for every pair whose source text starts with ``source``, else none."""

    def __init__(self, source: str, root: str, code: str, p: float) -> None:
        self.source, self.root, self.code, self.p = source, root, code, p
        self.seen: list[PairInput] = []

    def predict(self, items: Sequence[PairInput]) -> list[Prediction]:
        self.seen.extend(items)
        out = []
        for text, (start, end), _ in items:
            if text[start:end].startswith(self.source):
                probs = {self.root: self.p, "none": 1 - self.p}
                out.append(Prediction(probs, self.root, self.p, {self.code: self.p}, self.code))
            else:
                out.append(Prediction({"none": 1.0}, "none", 1.0, {}, None))
        return out


def run(nlp: Language, extractor: EventExtractor, text: str, fake: FakeClassifier):
    doc = with_mentions(nlp(text), ACTORS)
    index = MentionIndex(doc, doc._.mentions)
    combiner = Combiner(fake, CameoTable.load(), grammar=extractor.grammar)  # type: ignore[arg-type]
    return combiner.combine(doc, extractor.extract(doc, index), extractor.pairs(doc, index))


def test_learned_event_added_where_the_lexicon_is_silent(bare_nlp, extractor) -> None:
    fake = FakeClassifier("the Peruvian navy", "17", "171", 0.9)
    text = "Last week the Peruvian navy boarded Chile's fishing boats."
    events = run(bare_nlp, extractor, text, fake)
    learned = [(e.source.text, e.cameo, e.target.text, e.confidence) for e in events]
    assert learned == [("the Peruvian navy", "171", "Chile", 0.9)]
    assert events[0].method == "learned" and events[0].trigger == "boarded"


def test_low_probability_adds_nothing(bare_nlp, extractor) -> None:
    fake = FakeClassifier("Norway", "17", "171", 0.4)
    events = run(bare_nlp, extractor, "Norway boarded Chile's fishing boats.", fake)
    assert events == []


def test_lexicon_event_rescored_by_agreement(bare_nlp, extractor) -> None:
    text = "Norway condemned Chile."
    agree = run(bare_nlp, extractor, text, FakeClassifier("Norway", "11", "111", 0.8))
    disagree = run(bare_nlp, extractor, text, FakeClassifier("Peru", "11", "111", 0.8))
    assert agree[0].cameo == disagree[0].cameo == "111"
    assert agree[0].confidence > disagree[0].confidence
    assert agree[0].method == "lexicon+learned"


def test_pair_input_offsets_point_at_the_mentions(bare_nlp) -> None:
    doc = with_mentions(bare_nlp("Rain fell. Norway condemned Chile."), ACTORS)
    norway, chile = doc._.mentions
    text, source, target = pair_input(doc, norway, chile)  # type: ignore[misc]
    assert text[source[0] : source[1]] == "Norway" and text[target[0] : target[1]] == "Chile"


def test_learned_act_under_agree_to_is_an_intent(bare_nlp, extractor) -> None:
    fake = FakeClassifier("Norway", "08", "0841", 0.9)
    events = run(bare_nlp, extractor, "Norway agreed to repatriate Chile's sailors.", fake)
    assert [(e.source.text, e.cameo, e.target.text) for e in events] == [
        ("Norway", "0353", "Chile")
    ]


def test_learned_act_in_a_reported_future_is_an_intent(bare_nlp, extractor) -> None:
    fake = FakeClassifier("Norway", "08", "0841", 0.9)
    text = "Officials said on Monday that Norway will repatriate Chile's sailors."
    assert [e.cameo for e in run(bare_nlp, extractor, text, fake)] == ["0353"]


def test_learned_act_after_will_not_is_a_refusal(bare_nlp, extractor) -> None:
    fake = FakeClassifier("Norway", "08", "0841", 0.9)
    events = run(bare_nlp, extractor, "Norway will not repatriate Chile's sailors.", fake)
    assert [e.cameo for e in events] == ["1243"]


def test_learned_act_stated_as_fact_keeps_its_code(bare_nlp, extractor) -> None:
    fake = FakeClassifier("Norway", "08", "0841", 0.9)
    events = run(bare_nlp, extractor, "Norway repatriated Chile's sailors.", fake)
    assert [e.cameo for e in events] == ["0841"]


def test_no_learned_event_with_a_bare_noun_phrase(bare_nlp, extractor) -> None:
    fake = FakeClassifier("Norway", "17", "171", 0.9)
    events = run(bare_nlp, extractor, "Norway boarded the boats of a trawler company.", fake)
    assert events == []
    assert fake.seen == []


def test_a_speaker_is_not_given_the_act_it_reports(bare_nlp, extractor) -> None:
    fake = FakeClassifier("Peru", "08", "0841", 0.9)
    events = run(bare_nlp, extractor, "Peru said Norway repatriated Chile's sailors.", fake)
    assert not [e for e in events if e.source.text == "Peru"]


def test_a_speaker_reporting_its_own_act_keeps_it(bare_nlp, extractor) -> None:
    fake = FakeClassifier("Norway", "08", "0841", 0.9)
    events = run(bare_nlp, extractor, "Norway said it repatriated Chile's sailors.", fake)
    assert ("Norway", "0841", "Chile") in {(e.source.text, e.cameo, e.target.text) for e in events}


def test_a_speaker_acts_by_saying(bare_nlp, extractor) -> None:
    fake = FakeClassifier("Peru", "11", "111", 0.9)
    events = run(bare_nlp, extractor, "Peru said Norway mistreated Chile's sailors.", fake)
    assert ("Peru", "111", "Chile") in {(e.source.text, e.cameo, e.target.text) for e in events}


def test_no_learned_event_toward_a_pronoun(bare_nlp, extractor) -> None:
    actors = {**ACTORS, "them": ("PER", None)}
    doc = with_mentions(bare_nlp("Norway boarded them near Chile."), actors)
    index = MentionIndex(doc, doc._.mentions)
    fake = FakeClassifier("Norway", "17", "171", 0.9)
    combiner = Combiner(fake, CameoTable.load(), grammar=extractor.grammar)  # type: ignore[arg-type]
    events = combiner.combine(doc, extractor.extract(doc, index), extractor.pairs(doc, index))
    assert "them" not in {e.target.text for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Chile and the Peruvian navy boarded Norway's fishing boats.",  # a conjunct source
        "Norway's fishing boats were boarded by the Peruvian navy.",  # a passive agent
        "Last week the Peruvian navy boarded Peru's fishing boats.",  # a country and its own
    ],
)
def test_learned_events_only_from_a_subject_to_an_object_abroad(
    bare_nlp, extractor, text: str
) -> None:
    fake = FakeClassifier("the Peruvian navy", "17", "171", 0.9)
    events = run(bare_nlp, extractor, text, fake)
    assert [e for e in events if e.method == "learned"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Norway said the Peruvian navy must free Chile's sailors.",
        "Norway said the Peruvian navy had boarded Chile's fishing boats.",
    ],
)
def test_no_saying_code_for_the_subject_of_what_is_said(bare_nlp, extractor, text: str) -> None:
    fake = FakeClassifier("the Peruvian navy", "10", "100", 0.9)
    events = run(bare_nlp, extractor, text, fake)
    assert not [e for e in events if e.source.text == "the Peruvian navy" and e.root == "10"]


def test_the_subject_of_what_is_said_keeps_its_own_act(bare_nlp, extractor) -> None:
    fake = FakeClassifier("the Peruvian navy", "17", "171", 0.9)
    text = "Norway said the Peruvian navy had boarded Chile's fishing boats."
    events = run(bare_nlp, extractor, text, fake)
    assert ("the Peruvian navy", "171", "Chile") in {
        (e.source.text, e.cameo, e.target.text) for e in events
    }


def test_the_joining_verb_is_the_act_under_a_control_verb(bare_nlp) -> None:
    doc = bare_nlp("Chile agreed to resign from the council.")
    assert predicate(doc[0], doc[1]).text == "resign"  # type: ignore[union-attr]
    doc = bare_nlp("Norway said it will free the sailors of Chile.")
    assert predicate(doc[0], doc[8]).text == "free"  # type: ignore[union-attr]


def test_a_generic_force_sent_is_not_whom_the_source_acts_on(bare_nlp, extractor) -> None:
    doc = with_mentions(bare_nlp("Norway offered troops for the mission."), ACTORS)
    troops = Mention("troops", 14, 20, Actor("PER", "MIL", method="context"))
    doc._.mentions = sorted([*doc._.mentions, troops], key=lambda m: m.start)
    index = MentionIndex(doc, doc._.mentions)

    def learned(root: str, code: str) -> list[tuple[str, str]]:
        fake = FakeClassifier("Norway", root, code, 0.9)
        combiner = Combiner(fake, CameoTable.load(), grammar=extractor.grammar)  # type: ignore[arg-type]
        events = combiner.combine(doc, extractor.extract(doc, index), extractor.pairs(doc, index))
        return [(e.cameo, e.target.text) for e in events if e.method == "learned"]

    assert learned("03", "0312") == []
    assert learned("19", "190") == [("190", "troops")]


def test_no_learned_event_toward_the_doer_of_an_object(bare_nlp, extractor) -> None:
    fake = FakeClassifier("Norway", "17", "171", 0.9)
    events = run(bare_nlp, extractor, "Norway filmed a drill by the Peruvian navy.", fake)
    assert [e for e in events if e.method == "learned"] == []


def test_a_ruled_out_lexicon_event_with_a_bare_noun_phrase_is_dropped(bare_nlp, extractor) -> None:
    text = "Norway condemned the fishing dispute."
    disagree = run(bare_nlp, extractor, text, FakeClassifier("Peru", "11", "111", 0.9))
    assert disagree == []
    agree = run(bare_nlp, extractor, text, FakeClassifier("Norway", "11", "111", 0.9))
    assert [(e.cameo, e.target.text) for e in agree] == [("111", "the fishing dispute")]
    counted = run(
        bare_nlp,
        extractor,
        "Norway detained nine sailors.",
        FakeClassifier("Peru", "11", "111", 0.9),
    )
    assert [(e.cameo, e.target.text) for e in counted] == [("173", "nine sailors")]
