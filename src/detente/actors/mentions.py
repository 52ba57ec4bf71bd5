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
POSTED = frozenset({"embassy", "consulate", "ambassador", "envoy", "mission", "delegation"})
NAME_LABELS = frozenset({"PERSON"})
ARTICLES = frozenset({"the", "a", "an"})
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
TRIM_LEFT = frozenset({"PUNCT", "CCONJ", "SCONJ", "ADP", "PART", "SPACE"})
STOP_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "mark", "aux", "relcl", "acl", "advcl"})


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
    subject: bool = False


def is_top(token: Token) -> bool:
    """The head of a noun phrase, not a premodifier of another noun."""
    if token.pos_ not in NOMINAL and not _norp_adjective(token):
        return False
    if not any(ch.isalnum() for ch in token.text):
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
    start = _left_edge(token)
    doc = token.doc
    while start < token.i and (
        doc[start].pos_ in TRIM_LEFT or doc[start].dep_ in ("cc", "preconj", "advmod")
    ):
        start += 1
    return start


def _left_edge(token: Token) -> int:
    """Walk the left children, nearest first, while they are contiguous premodifiers."""
    edge = token.i
    for child in reversed(list(token.lefts)):
        if child.dep_ in STOP_DEPS or child.pos_ == "AUX" or _clause_verb(child):
            break
        if child.right_edge.i != edge - 1 and not _only_punct_between(token, child, edge):
            break
        if _foreign_entity(token, child):
            break
        edge = min(edge, _left_edge(child))
    return edge


def _clause_verb(child: Token) -> bool:
    """A verb that is no participle premodifier: "trump praised Putin" is no noun phrase."""
    if child.pos_ != "VERB":
        return False
    if child.dep_ != "amod":
        return True
    before = child.doc[child.i - 1] if child.i > 0 else None
    return before is not None and before.pos_ in ("NOUN", "PROPN") and before.head == child.head


def _foreign_entity(token: Token, child: Token) -> bool:
    """A place or organisation written right before a personal name belongs to something else:
    "ambassador to Washington Anatoly Antonov"."""
    if token.ent_type_ != "PERSON" or child.ent_type_ in ("PERSON", "NORP", ""):
        return False
    name_start = token.i
    while name_start > 0 and token.doc[name_start - 1].ent_type_ == "PERSON":
        name_start -= 1
    return child.right_edge.i == name_start - 1


def _only_punct_between(token: Token, child: Token, edge: int) -> bool:
    doc = token.doc
    return all(doc[i].is_punct for i in range(child.right_edge.i + 1, edge))


def build_phrase(doc: Doc, start: int, head: int, *, attach: bool = True) -> Phrase:
    """The phrase of ``doc[start:head + 1]`` with, when ``attach``, its right attachments.

    When the head is inside a longer name the tagger found ("National Union for the Total
    Independence of Angola"), the words run to the name's end so that the tables see it whole.
    """
    end = _entity_end(doc, head)
    words = tuple(t.text for t in doc[start:end])
    names = frozenset(i - start for i in range(start, end) if _name_token(doc[i]))
    attached = (
        tuple(a for a in _attachments(doc, doc[head]) if a[1].span[0] >= end) if attach else ()
    )
    token = doc[head]
    location = (
        token.dep_ == "pobj"
        and token.head.lower_ in LOCATIVE
        and token.head.head.lemma_.lower() not in POSTED
    )
    tags = tuple(t.pos_ for t in doc[start:end])
    named = token.ent_type_ in ENTITY_LABELS and token.ent_type_ != "PERSON"
    counted = token.dep_ == "pobj" and token.head.lower_ == "of" and _counting(token.head.head)
    span = (start, head + 1)
    after = doc[end].text if end < len(doc) else ""
    clause = any(c.dep_ == "acl" and c.tag_ == "VBG" for c in token.rights)
    return Phrase(
        words, head - start, names, attached, location, tags, span, named, counted, after, clause
    )


def _name_token(token: Token) -> bool:
    """A word of a personal name; a lowercase word after an article is a common noun whatever
    the tagger says ("the bush")."""
    if token.ent_type_ not in NAME_LABELS:
        return False
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return not (token.text[:1].islower() and before in ARTICLES)


def _counting(token: Token) -> bool:
    return token.like_num or token.lower_ in ("thousands", "hundreds", "dozens", "millions")


def _entity_end(doc: Doc, head: int) -> int:
    token = doc[head]
    if token.ent_iob_ not in ("B", "I") or token.ent_type_ in ("PERSON", ""):
        return head + 1
    end = head + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _attachments(doc: Doc, token: Token) -> Iterator[tuple[str, Phrase]]:
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in LINKS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                inner = objects[0]
                yield child.lower_, build_phrase(doc, core_start(inner), inner.i)
        elif child.dep_ == "appos" and (child.pos_ in NOMINAL or _norp_adjective(child)):
            yield "appos", build_phrase(doc, core_start(child), child.i)


def right_end(phrase: Phrase, used: tuple[int, ...], extent: int = 0) -> int:
    """Token end of the mention: the head (or the name it ends), or the last attachment used."""
    end = max(phrase.span[1], phrase.span[0] + extent)
    for index in used:
        end = max(end, _phrase_end(phrase.attached[index][1]))
    return end


def _phrase_end(phrase: Phrase) -> int:
    return phrase.span[1]


def candidates(doc: Doc) -> Iterator[Candidate]:
    """Every noun phrase top of the doc, in order, with the facts coreference needs.

    A top inside the span of a later top's phrase (a stray punctuation head, a misparse) is left
    to that phrase; a premodifier cut off its head's phrase is a top of its own.
    """
    sentence_of = {}
    for number, sent in enumerate(doc.sents):
        for token in sent:
            sentence_of[token.i] = number
    starts: dict[int, int] = {}
    tops = [t for t in doc if is_top(t) or _cut_off(t, starts)]
    for top in tops:
        starts.setdefault(top.i, core_start(top))
    inside: set[int] = set()
    for top in tops:
        inside.update(range(starts[top.i], top.i))
    for token in tops:
        if token.i in inside and not _cut_off(token, starts):
            continue
        yield make_candidate(doc, starts[token.i], token, sentence_of.get(token.i, 0))


def _cut_off(token: Token, starts: dict[int, int]) -> bool:
    """A premodifier whose head's phrase starts after it ("trump" in "trump praised Putin")."""
    if token.dep_ not in PREMOD or token.i > token.head.i or token.head.pos_ not in NOMINAL:
        return False
    if token.pos_ not in NOMINAL and not _norp_adjective(token):
        return False
    if token.head.i not in starts:
        starts[token.head.i] = core_start(token.head)
    head_start = starts[token.head.i]
    return head_start > token.i and token.right_edge.i < head_start


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
        subject=token.dep_ in ("nsubj", "nsubjpass"),
    )


def premodifier_tops(token: Token) -> Iterator[Token]:
    """Nouns and nationality adjectives that modify ``token``: tried when the head is no actor."""
    for child in token.lefts:
        if child.dep_ in PREMOD and (child.pos_ in NOMINAL or _norp_adjective(child)):
            yield child
            for conj in child.conjuncts:
                if conj.i < token.i and conj.i > child.i:
                    yield conj


@dataclass(frozen=True, slots=True)
class Part:
    """One side of a coordination: its mention span and the tokens of its phrase."""

    start: int
    end: int
    tokens: tuple[int, ...]
    head: int


def coordinated_parts(doc: Doc, start: int, head: int) -> list[Part]:
    """Split a phrase at a coordination inside its premodifiers.

    "Hungarian and Romanian officials": the nationalities share the head, one part each
    ("Hungarian" read as "Hungarian officials"). "President Trump and Russian President Vladimir
    Putin" (a misparse of two names): two phrases side by side. Empty when nothing is coordinated.
    """
    for i in range(start, head):
        token = doc[i]
        if token.dep_ not in PREMOD:
            continue
        conjs = [c for c in token.conjuncts if token.i < c.i < head]
        cc = next((c for c in token.rights if c.dep_ == "cc" and c.i < head), None)
        if not conjs or cc is None:
            continue
        second = _left_edge(conjs[0])
        if token.ent_type_ in ("PERSON", "ORG"):
            return [
                Part(start, cc.i, tuple(range(start, cc.i)), token.i),
                Part(second, head + 1, tuple(range(second, head + 1)), head),
            ]
        first = tuple(k for k in range(start, head + 1) if not cc.i <= k <= conjs[0].i)
        other = tuple(k for k in range(start, head + 1) if not i <= k < second)
        return [Part(start, cc.i, first, head), Part(second, head + 1, other, head)]
    return []
