"""The cheap pass: rule sentences, actor cues and event words of a tokenized doc (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from detente.actors import ActorKnowledge
from detente.events.lexicon import Lexicon, Pattern
from detente.nlp.cues import CAPS, NAME, PRONOUN, ROLE, CueFinder, LemmaGuesser, Predicates

LEXICON = Lexicon(
    [
        Pattern("112", "condemn", "verb"),
        Pattern("040", "hold", "verb", objects=frozenset({"talk"})),
        Pattern("1056", "back", "verb", particle="down"),
        Pattern("190", "attack", "noun"),
    ]
)
LEMMAS = LemmaGuesser(
    rules={"verb": [("ed", ""), ("ed", "e"), ("s", "")], "noun": [("s", "")]},
    exceptions={"verb": {"held": ["hold"]}},
    index=frozenset({"earlier", "hold", "talk", "minister"}),
)


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def finder(knowledge: ActorKnowledge) -> CueFinder:
    return CueFinder(knowledge, Predicates.from_lexicon(LEXICON), LEMMAS)


@pytest.fixture(scope="module")
def knowledge() -> ActorKnowledge:
    return ActorKnowledge.load()


def sentences(finder: CueFinder, blank: Language, text: str) -> list[tuple[str, list, list]]:
    doc = blank(text)
    return [
        (
            doc[s.start : s.end].text.strip(),
            [(c.kind, doc[c.start : c.end].text) for c in s.cues],
            [doc[i].text for i in s.triggers],
        )
        for s in finder.sentences(doc)
    ]


def test_sentences_break_after_periods_quotes_and_line_breaks(
    finder: CueFinder, blank: Language
) -> None:
    text = (
        "Fiji protested. “We will answer,” the envoy said. Tonga waited (and watched).\n\n"
        "A headline without a stop\n\nThe body goes on. Brig. Gen. Ali Sow and Col. Dia left."
    )
    assert [s[0] for s in sentences(finder, blank, text)] == [
        "Fiji protested.",
        "“We will answer,” the envoy said.",
        "Tonga waited (and watched).",
        "A headline without a stop",
        "The body goes on.",
        "Brig. Gen. Ali Sow and Col. Dia left.",
    ]


def test_actor_cues(finder: CueFinder, blank: Language) -> None:
    text = "Russian troops and police met Ana Velasquo, and she said Libyans in Lima would wait."
    ((_, cues, _),) = sentences(finder, blank, text)
    assert cues == [
        (NAME, "Russian"),
        (ROLE, "troops"),
        (ROLE, "police"),
        (CAPS, "Ana Velasquo"),
        (PRONOUN, "she"),
        (NAME, "Libyans"),
        (NAME, "Lima"),
    ]


def test_a_capitalised_first_word_is_a_name_only_when_no_ordinary_word(
    finder: CueFinder, blank: Language
) -> None:
    found = sentences(
        finder, blank, "Earlier, Velasquo spoke. Velasquo spoke again. Then Ana Ruiz."
    )
    assert [cues for _, cues, _ in found] == [
        [(CAPS, "Velasquo")],
        [(CAPS, "Velasquo")],
        [(CAPS, "Ana Ruiz")],
    ]


def test_a_role_after_the_is_definite(finder: CueFinder, blank: Language) -> None:
    doc = blank("The three envoys met envoys from Samoa.")
    ((sentence),) = finder.sentences(doc)
    roles = [(doc[c.start].text, c.definite, c.key) for c in sentence.cues if c.kind == ROLE]
    assert roles == [("envoys", True, "envoy"), ("envoys", False, "envoy")]


def test_event_words_by_inflection_object_and_particle(finder: CueFinder, blank: Language) -> None:
    found = sentences(
        finder,
        blank,
        "Fiji condemned Tonga. Fiji held a party. Fiji held talks with Tonga. "
        "Fiji will back the plan. Fiji will back down. The attacks went on.",
    )
    assert [triggers for _, _, triggers in found] == [
        ["condemned"],
        [],
        ["held"],
        [],
        ["back"],
        ["attacks"],
    ]


def test_lemma_guesser_from_rules_and_exceptions() -> None:
    assert {"condemn", "condemne"} <= LEMMAS("condemned")
    assert "hold" in LEMMAS("held")
    assert LEMMAS.known("earlier") and not LEMMAS.known("velasquo")
