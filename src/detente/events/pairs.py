"""Candidate actor pairs for the learned classifier, read off the dependency parse.

A pair is directed: (who acts, who is acted on). For each verb, the actors on its subject side
(subject, or passive agent) pair with the actors in its object side (objects, prepositional
objects, the passive subject), except that a receiving verb's giver acts ("got aid from X"); a
speaker pairs with the actors of what is said; an event noun's possessor pairs with its
prepositional objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.events.grammar import Grammar, passive, patients, subjects
from detente.records import Mention

OBJECT_DEPS = {"dobj", "dative", "iobj", "attr", "oprd"}
PREP_DEPS = {"prep", "agent", "dative"}
MAX_PAIRS_PER_SENTENCE = 12


@dataclass(frozen=True, slots=True)
class Pair:
    source: Mention
    target: Mention
    trigger: Token


Finder = Callable[[Token], list[Mention]]


def candidate_pairs(
    sentence: Span, grammar: Grammar, find: Finder, find_target: Finder | None = None
) -> list[Pair]:
    """Directed pairs of distinct mentions joined by a verb, a quote or an event noun; targets
    are looked up with ``find_target`` when given."""
    find_target = find_target or find
    found: dict[tuple[int, int], Pair] = {}
    for verb, source_tokens, target_tokens in _frames(sentence, grammar):
        for source in (m for t in source_tokens for m in find(t)):
            for target in (m for t in target_tokens for m in find_target(t)):
                key = (source.start, target.start)
                if source.start != target.start and key not in found:
                    found[key] = Pair(source, target, verb)
    return list(found.values())[:MAX_PAIRS_PER_SENTENCE]


def _frames(sentence: Span, grammar: Grammar) -> Iterator[tuple[Token, list[Token], list[Token]]]:
    for token in sentence:
        if token.pos_ in {"VERB", "AUX"}:
            if passive(token):
                agents = [t for c in token.children if c.dep_ == "agent" for t in c.children]
                yield token, agents, patients(token, grammar) + _prep_objects(token, "agent")
            elif token.lemma_.lower() in grammar.receiving_verbs:
                yield token, _givers(token), subjects(token, grammar)  # "got aid from X"
            else:
                yield token, subjects(token, grammar), _objects(token)
            if token.lemma_.lower() in grammar.speech_verbs:
                said = [c for c in token.children if c.dep_ in {"ccomp", "parataxis"}]
                yield token, subjects(token, grammar), [t for c in said for t in _nominals(c)]
        elif token.pos_ == "NOUN":
            owners = [c for c in token.children if c.dep_ in {"poss", "compound", "amod"}]
            if owners:
                yield token, owners, _prep_objects(token, "")


def _objects(verb: Token) -> list[Token]:
    direct = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    nested = [t for c in direct for t in _prep_objects(c, "")]
    controlled = [t for c in verb.children if c.dep_ == "xcomp" for t in _objects(c)]
    return direct + _prep_objects(verb, "agent") + nested + controlled


def _givers(verb: Token) -> list[Token]:
    """Who gives what a receiving verb's subject gets: "from X" on the verb or its object."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [
        t for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
        for t in c.children if t.dep_ == "pobj"
    ]  # fmt: skip


def _prep_objects(head: Token, skip: str) -> list[Token]:
    return [
        t
        for c in head.children
        if c.dep_ in PREP_DEPS and c.dep_ != skip
        for t in c.children
        if t.dep_ == "pobj"
    ]


def _nominals(clause: Token) -> list[Token]:
    return [
        t for t in clause.subtree if t.pos_ in {"PROPN", "NOUN", "PRON"} and t.dep_ != "compound"
    ]
