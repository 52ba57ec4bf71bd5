"""Noun phrases of a parsed Doc that may name actors, as ``Phrase`` objects with token spans.

A candidate is the top of a noun phrase (a noun, name or pronoun that does not itself modify another
noun) with its premodifiers ("Senior Russian officials"). What hangs on its right ("of Russia",
"to the United States", an apposition) is attached for the resolver and joins the mention's span
only when it told the resolver something. When the head is not an actor word ("a U.S. Supreme Court
decision"), its premodifiers are tried as phrases of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.actors.resolve import Phrase

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
PREMOD = frozenset({"compound", "amod", "poss", "nmod", "nummod", "npadvmod", "quantmod"})
LINKS = frozenset({"of", "to", "from", "in", "for"})
LOCATIVE = frozenset({"in", "at", "near", "into", "inside", "outside", "across", "around", "to"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
NAME_LABELS = frozenset({"PERSON"})
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
TRIM_LEFT = frozenset({"PUNCT", "CCONJ", "SCONJ", "ADP", "PART", "SPACE"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A phrase to resolve, where it is, and the kind of words it is made of."""

    phrase: Phrase
    start: int
    end: int
    head: int
    pronoun: bool = False
    definite: bool = False
    plural: bool = False
    sentence: int = 0


def is_top(token: Token) -> bool:
    """The head of a noun phrase, not a premodifier of another noun."""
    if token.pos_ not in NOMINAL and not _norp_adjective(token):
        return False
    if token.pos_ == "PRON":
        return token.lower_ in SUBJECT_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass")
    if token.dep_ in PREMOD and token.i < token.head.i and token.head.pos_ in NOMINAL:
        return False
    return not (token.dep_ == "conj" and token.head.dep_ in PREMOD and token.head.i < token.i)


def _norp_adjective(token: Token) -> bool:
    return token.pos_ == "ADJ" and token.ent_type_ in ("NORP", "GPE")


def core_start(token: Token) -> int:
    """First token of the noun phrase headed by ``token``, leading punctuation and links trimmed."""
    start = token.left_edge.i
    doc = token.doc
    while start < token.i and (
        doc[start].pos_ in TRIM_LEFT or doc[start].dep_ in ("cc", "preconj", "advmod")
    ):
        start += 1
    return start


def build_phrase(doc: Doc, start: int, head: int, *, attach: bool = True) -> Phrase:
    """The phrase of ``doc[start:head + 1]`` with, when ``attach``, its right attachments."""
    words = tuple(t.text for t in doc[start : head + 1])
    names = frozenset(i - start for i in range(start, head + 1) if doc[i].ent_type_ in NAME_LABELS)
    attached = tuple(_attachments(doc, doc[head])) if attach else ()
    token = doc[head]
    location = token.dep_ == "pobj" and token.head.lower_ in LOCATIVE
    tags = tuple(t.pos_ for t in doc[start : head + 1])
    return Phrase(words, head - start, names, attached, location, tags, (start, head + 1))


def _attachments(doc: Doc, token: Token) -> Iterator[tuple[str, Phrase]]:
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in LINKS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                inner = objects[0]
                yield child.lower_, build_phrase(doc, core_start(inner), inner.i)
        elif child.dep_ == "appos" and (child.pos_ in NOMINAL or _norp_adjective(child)):
            yield "appos", build_phrase(doc, core_start(child), child.i)


def right_end(phrase: Phrase, used: tuple[int, ...]) -> int:
    """Token end of the mention: the head, or the last attachment the resolver used."""
    end = phrase.span[1]
    for index in used:
        end = max(end, _phrase_end(phrase.attached[index][1]))
    return end


def _phrase_end(phrase: Phrase) -> int:
    return phrase.span[1]


def candidates(doc: Doc) -> Iterator[Candidate]:
    """Every noun phrase top of the doc, in order, with the facts coreference needs."""
    sentence_of = {}
    for number, sent in enumerate(doc.sents):
        for token in sent:
            sentence_of[token.i] = number
    for token in doc:
        if not is_top(token):
            continue
        yield make_candidate(doc, core_start(token), token, sentence_of.get(token.i, 0))


def make_candidate(doc: Doc, start: int, token: Token, sentence: int) -> Candidate:
    phrase = build_phrase(doc, start, token.i)
    first = doc[start].lower_
    return Candidate(
        phrase=phrase,
        start=start,
        end=token.i + 1,
        head=token.i,
        pronoun=token.pos_ == "PRON",
        definite=first in ("the", "this", "that"),
        plural=token.tag_ in ("NNS", "NNPS") or token.lower_ == "they",
        sentence=sentence,
    )


def premodifier_tops(token: Token) -> Iterator[Token]:
    """Nouns and nationality adjectives that modify ``token``: tried when the head is no actor."""
    for child in token.lefts:
        if child.dep_ in PREMOD and (child.pos_ in NOMINAL or _norp_adjective(child)):
            yield child
            for conj in child.conjuncts:
                if conj.i < token.i and conj.i > child.i:
                    yield conj


def coordinated_parts(doc: Doc, start: int, head: int) -> list[tuple[int, int, int, int]]:
    """Split "Hungarian and Romanian officials" into one part per coordinated premodifier.

    Returns (span_start, span_end, drop_start, drop_end) per part: the tokens of the part's mention
    and the tokens left out of its phrase. Empty when no premodifiers are coordinated.
    """
    for i in range(start, head):
        token = doc[i]
        if token.dep_ not in PREMOD:
            continue
        conjs = [c for c in token.conjuncts if token.i < c.i < head]
        cc = next((c for c in token.rights if c.dep_ == "cc" and c.i < head), None)
        if not conjs or cc is None:
            continue
        second = conjs[0]
        return [(start, cc.i, cc.i, second.i + 1), (second.i, head + 1, i, second.i)]
    return []
