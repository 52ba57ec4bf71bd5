"""Which sentences are kept: the event-word rule and the context coreference needs (no model)."""

from __future__ import annotations

from detente.nlp.cues import CAPS, NAME, PRONOUN, ROLE, Cue, Sentence
from detente.nlp.select import Selection, holds_event, with_context


def sentence(*cues: Cue, triggers: tuple[int, ...] = (), start: int = 0, end: int = 40) -> Sentence:
    return Sentence(start, end, cues, triggers)


def name(at: int, *, person: bool = False, key: str = "", length: int = 1) -> Cue:
    return Cue(NAME, at, at + length, person=person, key=key)


def caps(at: int, key: str, length: int = 1) -> Cue:
    return Cue(CAPS, at, at + length, person=True, key=key)


def pronoun(at: int, word: str = "he") -> Cue:
    return Cue(PRONOUN, at, at + 1, key=word)


def role(at: int, key: str, *, definite: bool = False) -> Cue:
    return Cue(ROLE, at, at + 1, key=key, definite=definite)


FILLER = sentence()


def test_an_event_word_between_two_cues() -> None:
    assert holds_event(sentence(name(0), name(4), triggers=(2,)), window=8)


def test_two_cues_on_one_side() -> None:
    assert holds_event(sentence(name(0), name(2), triggers=(4,)), window=8)
    assert holds_event(sentence(name(3), name(6), triggers=(1,)), window=8)


def test_cues_too_far_or_missing() -> None:
    assert not holds_event(sentence(name(0), name(30), triggers=(15,)), window=8)
    assert not holds_event(sentence(name(0), name(4)), window=8)
    assert not holds_event(sentence(name(0), triggers=(2,)), window=8)


def test_he_takes_the_sentences_back_to_a_known_person() -> None:
    sentences = [
        sentence(name(0, person=True, key="ruiz", length=2)),
        sentence(caps(0, "velasquo")),
        FILLER,
        sentence(pronoun(0), name(3), triggers=(1,)),
    ]
    assert with_context(sentences, [False, False, False, True]) == [True, True, False, True]


def test_pronouns_chain_with_their_own_reach() -> None:
    sentences = [
        sentence(caps(0, "ruiz", 2)),
        FILLER,
        FILLER,
        sentence(pronoun(0, "she")),
        FILLER,
        FILLER,
        sentence(pronoun(0, "she"), name(3), triggers=(1,)),
    ]
    kept = with_context(sentences, [False] * 6 + [True])
    assert kept == [True, False, False, True, False, False, True]


def test_a_pronoun_reaches_only_so_far() -> None:
    sentences = [sentence(caps(0, "ruiz", 2)), FILLER, FILLER, FILLER, FILLER, sentence(pronoun(0))]
    assert with_context(sentences, [False] * 5 + [True]) == [False] * 5 + [True]


def test_they_looks_at_the_sentence_before() -> None:
    sentences = [
        sentence(role(1, "official")),
        sentence(role(1, "soldier")),
        sentence(pronoun(0, "they")),
    ]
    assert with_context(sentences, [False, False, True]) == [False, True, True]


def test_a_surname_takes_the_first_full_name() -> None:
    sentences = [
        sentence(caps(0, "velasquo", 2)),
        sentence(caps(4, "velasquo")),
        FILLER,
        sentence(caps(0, "velasquo"), name(3), triggers=(1,)),
    ]
    assert with_context(sentences, [False, False, False, True]) == [True, False, False, True]


def test_the_envoy_takes_the_last_envoy_and_so_on() -> None:
    sentences = [
        sentence(name(0), role(1, "envoy")),
        sentence(role(1, "envoy", definite=True)),
        FILLER,
        sentence(role(1, "envoy", definite=True), name(4), triggers=(2,)),
    ]
    assert with_context(sentences, [False, False, False, True]) == [True, True, False, True]
    assert with_context(
        [sentences[0], FILLER, sentence(role(1, "envoy"))], [False, False, True]
    ) == [
        False,
        False,
        True,
    ]


def test_selection_ranges_join_neighbours() -> None:
    parts = tuple(sentence(start=n * 10, end=n * 10 + 10) for n in range(4))
    selection = Selection(parts, (True, True, False, True))
    assert selection.ranges(selection.kept) == [(0, 20), (30, 40)]
    assert selection.unflagged(selection.kept) == [(20, 30)]
    assert selection.to_parse == (True, True, False, True)
    parsed = selection.replace(parsed=(True, False, False, False))
    assert parsed.to_parse == (False, True, False, True)
