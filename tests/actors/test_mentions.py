"""Mentions found in hand-built parses (no model): spans, splits, coreference, context."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from detente.actors import ActorKnowledge, mention_for_span
from detente.actors.component import find_mentions
from detente.nlp import extensions
from detente.records import Mention


@dataclass(frozen=True)
class T:
    """One token of a hand-built parse: word, fine tag, coarse tag, relation, head, entity."""

    word: str
    tag: str
    pos: str
    dep: str
    head: int
    ent: str = "O"


def build(tokens: list[T], *, starts: tuple[int, ...] = (0,)) -> Doc:
    extensions.register()
    vocab = spacy.blank("en").vocab
    return Doc(
        vocab,
        words=[t.word for t in tokens],
        spaces=[_space_after(tokens, i) for i in range(len(tokens))],
        tags=[t.tag for t in tokens],
        pos=[t.pos for t in tokens],
        deps=[t.dep for t in tokens],
        heads=[t.head for t in tokens],
        ents=[t.ent for t in tokens],
        sent_starts=[i in starts for i in range(len(tokens))],
    )


def _space_after(tokens: list[T], i: int) -> bool:
    if i + 1 >= len(tokens):
        return False
    following = tokens[i + 1]
    return following.pos != "PUNCT" and not following.word.startswith("'")


def mentions(knowledge: ActorKnowledge, doc: Doc, when: date | None = None) -> list[Mention]:
    found = find_mentions(knowledge, doc, when)
    doc._.mentions = found
    return found


def by_text(found: list[Mention]) -> dict[str, Mention]:
    return {m.text: m for m in found}


# "Brazilian Foreign Minister Ana Costa met the Chilean ambassador to Peru ."
TITLES = [
    T("Brazilian", "JJ", "ADJ", "amod", 2, "B-NORP"),
    T("Foreign", "NNP", "PROPN", "compound", 2),
    T("Minister", "NNP", "PROPN", "compound", 4),
    T("Ana", "NNP", "PROPN", "compound", 4, "B-PERSON"),
    T("Costa", "NNP", "PROPN", "nsubj", 5, "I-PERSON"),
    T("met", "VBD", "VERB", "ROOT", 5),
    T("the", "DT", "DET", "det", 8),
    T("Chilean", "JJ", "ADJ", "amod", 8, "B-NORP"),
    T("ambassador", "NN", "NOUN", "dobj", 5),
    T("to", "IN", "ADP", "prep", 8),
    T("Peru", "NNP", "PROPN", "pobj", 9, "B-GPE"),
    T(".", ".", "PUNCT", "punct", 5),
]


def test_title_and_recipient(knowledge: ActorKnowledge) -> None:
    doc = build(TITLES)
    found = by_text(mentions(knowledge, doc))
    costa = found["Brazilian Foreign Minister Ana Costa"]
    assert (costa.actor.code, costa.actor.method) == ("BRAGOV", "adjective")
    envoy = found["the Chilean ambassador"]
    assert (envoy.actor.code, envoy.actor.recipient) == ("CHLGOV", "PER")
    assert found["Peru"].actor.country == "PER"


def test_spans_are_sorted_disjoint_and_aligned(knowledge: ActorKnowledge) -> None:
    doc = build(TITLES)
    found = mentions(knowledge, doc)
    assert found == sorted(found, key=lambda m: m.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(doc.text[m.start : m.end] == m.text for m in found)


# "Senior Kenyan and Ugandan officials met ."
COORDINATED = [
    T("Senior", "JJ", "ADJ", "amod", 4),
    T("Kenyan", "JJ", "ADJ", "amod", 4, "B-NORP"),
    T("and", "CC", "CCONJ", "cc", 1),
    T("Ugandan", "JJ", "ADJ", "conj", 1, "B-NORP"),
    T("officials", "NNS", "NOUN", "nsubj", 5),
    T("met", "VBD", "VERB", "ROOT", 5),
    T(".", ".", "PUNCT", "punct", 5),
]


def test_coordinated_nationalities_are_two_mentions(knowledge: ActorKnowledge) -> None:
    found = mentions(knowledge, build(COORDINATED))
    assert [(m.text, m.actor.code) for m in found] == [
        ("Senior Kenyan", "KENGOV"),
        ("Ugandan officials", "UGAGOV"),
    ]


# "Nepal 's army chief backed a Supreme Court decision ."
POSSESSIVE = [
    T("Nepal", "NNP", "PROPN", "poss", 3, "B-GPE"),
    T("'s", "POS", "PART", "case", 0),
    T("army", "NN", "NOUN", "compound", 3),
    T("chief", "NN", "NOUN", "nsubj", 4),
    T("backed", "VBD", "VERB", "ROOT", 4),
    T("a", "DT", "DET", "det", 8),
    T("Supreme", "NNP", "PROPN", "compound", 7, "B-ORG"),
    T("Court", "NNP", "PROPN", "compound", 8, "I-ORG"),
    T("decision", "NN", "NOUN", "dobj", 4),
    T(".", ".", "PUNCT", "punct", 4),
]


def test_possessive_and_a_head_that_is_no_actor(knowledge: ActorKnowledge) -> None:
    found = by_text(mentions(knowledge, build(POSSESSIVE)))
    assert found["Nepal's army chief"].actor.code == "NPLMIL"
    court = found["Supreme Court"]
    # "Supreme Court" alone is only USA by default: beside Nepal's army chief it is Nepal's
    assert (court.actor.country, court.actor.sector) == ("NPL", "JUD")


# "Lina Berg , the Swedish envoy , arrived . Berg said she was hopeful . The envoy left ."
COREF = [
    T("Lina", "NNP", "PROPN", "compound", 1, "B-PERSON"),
    T("Berg", "NNP", "PROPN", "nsubj", 7, "I-PERSON"),
    T(",", ",", "PUNCT", "punct", 1),
    T("the", "DT", "DET", "det", 5),
    T("Swedish", "JJ", "ADJ", "amod", 5, "B-NORP"),
    T("envoy", "NN", "NOUN", "appos", 1),
    T(",", ",", "PUNCT", "punct", 1),
    T("arrived", "VBD", "VERB", "ROOT", 7),
    T(".", ".", "PUNCT", "punct", 7),
    T("Berg", "NNP", "PROPN", "nsubj", 10, "B-PERSON"),
    T("said", "VBD", "VERB", "ROOT", 10),
    T("she", "PRP", "PRON", "nsubj", 12),
    T("was", "VBD", "AUX", "ccomp", 10),
    T("hopeful", "JJ", "ADJ", "acomp", 12),
    T(".", ".", "PUNCT", "punct", 10),
    T("The", "DT", "DET", "det", 16),
    T("envoy", "NN", "NOUN", "nsubj", 17),
    T("left", "VBD", "VERB", "ROOT", 17),
    T(".", ".", "PUNCT", "punct", 17),
]


def test_apposition_surname_pronoun_and_role_coreference(knowledge: ActorKnowledge) -> None:
    found = mentions(knowledge, build(COREF, starts=(0, 9, 15)))
    texts = [m.text for m in found]
    assert texts == ["Lina Berg", "the Swedish envoy", "Berg", "she", "The envoy"]
    first, appos, surname, pronoun, role = found
    assert (first.actor.code, first.actor.method) == ("SWEGOV", "apposition")
    assert appos.actor.code == "SWEGOV"
    assert (surname.actor.code, surname.actor.method) == ("SWEGOV", "coref")
    assert surname.evidence == ("Lina Berg", "Berg")
    assert (pronoun.actor.code, pronoun.evidence) == ("SWEGOV", ("Lina Berg", "Berg", "she"))
    assert (role.actor.code, role.actor.method) == ("SWEGOV", "coref")


# "Judge Rosa Vidal fined the Bolivian mining firm ."
CONTEXT = [
    T("Judge", "NNP", "PROPN", "compound", 2),
    T("Rosa", "NNP", "PROPN", "compound", 2, "B-PERSON"),
    T("Vidal", "NNP", "PROPN", "nsubj", 3, "I-PERSON"),
    T("fined", "VBD", "VERB", "ROOT", 3),
    T("the", "DT", "DET", "det", 7),
    T("Bolivian", "JJ", "ADJ", "amod", 7, "B-NORP"),
    T("mining", "NN", "NOUN", "compound", 7),
    T("firm", "NN", "NOUN", "dobj", 3),
    T(".", ".", "PUNCT", "punct", 3),
]


def test_titled_stranger_takes_the_only_country_of_the_sentence(
    knowledge: ActorKnowledge,
) -> None:
    judge = mentions(knowledge, build(CONTEXT))[0]
    assert (judge.text, judge.actor.code, judge.actor.method) == (
        "Judge Rosa Vidal",
        "BOLJUD",
        "context",
    )
    assert judge.evidence[-1].startswith("context:")


# "Rosa Vidal spoke ."
STRANGER = [
    T("Rosa", "NNP", "PROPN", "compound", 1, "B-PERSON"),
    T("Vidal", "NNP", "PROPN", "nsubj", 2, "I-PERSON"),
    T("spoke", "VBD", "VERB", "ROOT", 2),
    T(".", ".", "PUNCT", "punct", 2),
]


def test_unknown_name_is_a_mention_without_country(knowledge: ActorKnowledge) -> None:
    (vidal,) = mentions(knowledge, build(STRANGER))
    assert (vidal.text, vidal.actor.country, vidal.actor.method) == (
        "Rosa Vidal",
        None,
        "unresolved",
    )


# "The Kremlin criticised Washington ."
SEATS = [
    T("The", "DT", "DET", "det", 1),
    T("Kremlin", "NNP", "PROPN", "nsubj", 2, "B-ORG"),
    T("criticised", "VBD", "VERB", "ROOT", 2),
    T("Washington", "NNP", "PROPN", "dobj", 2, "B-GPE"),
    T(".", ".", "PUNCT", "punct", 2),
]


def test_seats_and_capitals_stand_for_governments(knowledge: ActorKnowledge) -> None:
    found = mentions(knowledge, build(SEATS))
    assert [(m.text, m.actor.code) for m in found] == [
        ("The Kremlin", "RUSGOV"),
        ("Washington", "USAGOV"),
    ]


def test_people_table_uses_the_publication_date(knowledge: ActorKnowledge) -> None:
    tokens = [
        T("Medvedev", "NNP", "PROPN", "nsubj", 1, "B-PERSON"),
        T("spoke", "VBD", "VERB", "ROOT", 1),
        T(".", ".", "PUNCT", "punct", 1),
    ]
    (early,) = mentions(knowledge, build(tokens), date(2010, 1, 1))
    (later,) = mentions(knowledge, build(tokens), date(2015, 1, 1))
    assert early.actor.code == later.actor.code == "RUSGOV"
    assert "president" in early.evidence[0] and "prime minister" in later.evidence[0]


def test_mention_for_span(knowledge: ActorKnowledge) -> None:
    doc = build(TITLES)
    mentions(knowledge, doc)
    start = doc.text.index("Costa")
    covering = mention_for_span(doc, start, start + len("Costa"))
    assert covering is not None and covering.text == "Brazilian Foreign Minister Ana Costa"
    verb = doc.text.index("met")
    assert mention_for_span(doc, verb, verb + 3) is None
    alone = mention_for_span(doc, verb, verb + 3, knowledge=knowledge)
    assert alone is None or alone.actor.country is None


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_doc_has_no_mentions(knowledge: ActorKnowledge, text: str) -> None:
    extensions.register()
    doc = spacy.blank("en")(text)
    assert find_mentions(knowledge, doc, None) == []
