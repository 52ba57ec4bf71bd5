"""Grammar that changes what a predicate means: negation, modality, control, voice, quotes.

The word lists are data (``events/data/grammar.yaml``); this module reads the parse.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Token

from detente.errors import ConfigError

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp"}
# Roots of acts (not of intents, refusals or threats) that the context can turn into one.
MODAL_ROOTS = frozenset({"04", "05", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})
DOWN_DEPS = {"xcomp", "ccomp", "acomp"}


@dataclass(frozen=True, slots=True)
class Reading:
    """What the context makes of a predicate: ``fact``, ``skip``, ``intent``, ``refusal``,
    ``threat``; ``subject`` is the token whose subject is the source."""

    mode: str
    subject: Token
    cue: str = ""


@dataclass(frozen=True, slots=True)
class Grammar:
    negators: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_heads: frozenset[str]
    control: dict[str, str]
    object_control: frozenset[str]
    intent_codes: dict[str, str]
    refusal_codes: dict[str, str]
    threat_codes: dict[str, str]
    speech_verbs: frozenset[str]
    noun_blockers: frozenset[str]
    noun_negators: frozenset[str]
    obligation_aux: frozenset[str]
    receiving_verbs: frozenset[str] = frozenset()
    condition_marks: frozenset[str] = frozenset()
    speculation_preps: frozenset[str] = frozenset()
    culprit_words: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    addressed_roots: frozenset[str] = frozenset()
    issuing_verbs: frozenset[str] = frozenset()
    place_acts: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> Grammar:
        text = resources.files("detente.events").joinpath("data/grammar.yaml").read_text()
        try:
            data: dict[str, Any] = yaml.safe_load(text)
            control = {word: kind for kind, words in data["control"].items() for word in words}
            return cls(
                negators=frozenset(data["negators"]),
                hypothetical_aux=frozenset(data["hypothetical_aux"]),
                future_aux=frozenset(data["future_aux"]),
                hypothetical_marks=frozenset(data["hypothetical_marks"]),
                hypothetical_heads=frozenset(data["hypothetical_heads"]),
                control=control,
                object_control=frozenset(data["object_control"]),
                intent_codes={str(k): str(v) for k, v in data["intent_codes"].items()},
                refusal_codes={str(k): str(v) for k, v in data["refusal_codes"].items()},
                threat_codes={str(k): str(v) for k, v in data["threat_codes"].items()},
                speech_verbs=frozenset(data["speech_verbs"]),
                noun_blockers=frozenset(data["noun_blockers"]),
                noun_negators=frozenset(data["noun_negators"]),
                obligation_aux=frozenset(data["obligation_aux"]),
                receiving_verbs=frozenset(data["receiving_verbs"]),
                condition_marks=frozenset(data["condition_marks"]),
                speculation_preps=frozenset(data["speculation_preps"]),
                culprit_words=frozenset(data["culprit_words"]),
                documents=frozenset(data["documents"]),
                addressed_roots=frozenset(str(r) for r in data["addressed_roots"]),
                issuing_verbs=frozenset(data["issuing_verbs"]),
                place_acts=frozenset(data["place_acts"]),
            )
        except (KeyError, TypeError, AttributeError, yaml.YAMLError) as error:
            raise ConfigError(f"grammar.yaml is invalid: {error}") from error

    # -- reading a predicate in its context ---------------------------------------------

    def read(self, verb: Token) -> Reading:
        """How the context reads a verbal predicate."""
        future = self.future(verb) or self.reported_future(verb)
        if self.negated(verb) and future and not passive(verb):
            return Reading("refusal", verb, "will not")
        if self.negated(verb) or (self.hypothetical(verb) and not future):
            return Reading("skip", verb, "negated or hypothetical")
        if future and verb.dep_ == "pcomp" and verb.head.lower_ in self.speculation_preps:
            return Reading("skip", verb, f"talk {verb.head.text} what will be")
        mode = "threat" if future else "fact"
        current = verb
        while current.dep_ == "xcomp" and current.head is not current:
            head = current.head
            kind = self.control.get(head.lemma_.lower(), "fact")
            if head.lemma_.lower() in self.object_control and object_of(head) is not None:
                return Reading("skip", verb, f"object control by {head.text}")
            if kind == "skip" or self.negated(head) or self.hypothetical(head):
                return Reading("skip", verb, f"governed by {head.text}")
            if kind in {"intent", "refusal", "threat"}:
                mode = kind
            elif self.future(head):
                mode = "threat"
            current = head
        if self._under_hypothetical_head(current):
            return Reading("skip", verb, "under a hypothetical head")
        return Reading(mode, current)

    def noun_reading(self, noun: Token, governor: Token | None) -> str | None:
        """How the context reads an event noun; None when it is not coded ("no threat",
        "denied the attack"). "agreed to a ceasefire" is an intent."""
        if self.negated_noun(noun) or any(
            c.dep_ == "amod" and c.lemma_.lower() in self.hypothetical_heads for c in noun.children
        ):
            return None
        if governor is None:
            return "fact"
        lemma = governor.lemma_.lower()
        if lemma in self.noun_blockers:
            return None
        mode = self.read(governor).mode
        kind = self.control.get(lemma)
        if mode == "fact" and kind in {"intent", "refusal"}:
            return kind
        return None if mode == "skip" else mode

    def negated_noun(self, noun: Token) -> bool:
        return any(
            c.dep_ in {"det", "neg"} and c.lower_ in self.noun_negators for c in noun.children
        )

    def negated(self, token: Token) -> bool:
        for child in token.children:
            if child.dep_ == "neg" or (
                child.dep_ in {"advmod", "neg", "preconj"} and child.lower_ in self.negators
            ):
                return True
        return False

    def hypothetical(self, token: Token) -> bool:
        for child in token.children:
            if child.dep_ == "aux" and child.lemma_.lower() in self.hypothetical_aux:
                return True
            if child.dep_ == "mark" and child.lower_ in self.hypothetical_marks:
                return True
        return False

    def reported_future(self, verb: Token) -> bool:
        """ "said it would send aid": the future seen from the past, not a condition."""
        return (
            verb.dep_ == "ccomp"
            and verb.head.lemma_.lower() in self.speech_verbs
            and any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children)
            and not self.conditional(verb)
        )

    def conditional(self, verb: Token) -> bool:
        """ "if ...": on the verb, or on a clause attached to it."""
        clauses = [verb, *(c for c in verb.children if c.dep_ == "advcl")]
        return any(
            c.dep_ == "mark" and c.lower_ in self.hypothetical_marks
            for clause in clauses
            for c in clause.children
        )

    def conditions(self, verb: Token) -> list[Token]:
        """The clauses that say what must happen first: "will not lift it **until Chile pays**"."""
        return [
            clause for clause in verb.children if clause.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in self.condition_marks for c in clause.children)
        ]  # fmt: skip

    def blames(self, clause: Token) -> bool:
        """ "Chile was responsible", "was behind it", "was to blame": the clause names a culprit."""
        return any(
            c.dep_ in {"acomp", "prep", "xcomp", "attr"} and c.lemma_.lower() in self.culprit_words
            for c in clause.children
        ) and not self.negated(clause)

    def obliged(self, token: Token) -> bool:
        """ "must withdraw": what a speaker says another must do is a demand."""
        return any(
            child.dep_ == "aux" and child.lemma_.lower() in self.obligation_aux
            for child in token.children
        ) and not self.negated(token)

    def lasting_until(self, verb: Token) -> Token | None:
        """The clause of ``verb`` that says until when it lasts: "stay **until** it withdraws"."""
        return next(iter(self.conditions(verb)), None)

    def future(self, token: Token) -> bool:
        return any(
            child.dep_ == "aux" and child.lemma_.lower() in self.future_aux
            for child in token.children
        )

    def _under_hypothetical_head(self, token: Token) -> bool:
        """ "is expected to", "the possibility that", "it is unclear whether"."""
        head = token.head
        steps = 0
        while head is not token and steps < 3:
            if token.dep_ in {
                "xcomp",
                "ccomp",
                "acl",
                "relcl",
                "advcl",
                "pcomp",
                "pobj",
                "prep",
            } and (
                head.lemma_.lower() in self.hypothetical_heads
                or self.negated(head)
                or self.hypothetical(head)
            ):
                return head.lemma_.lower() not in self.speech_verbs
            if token.dep_ not in {"prep", "pobj", "pcomp", "acl", "relcl", "xcomp", "ccomp"}:
                return False
            token, head, steps = head, head.head, steps + 1
        return False

    def recode(self, code: str, verb: Token | None) -> str:
        """A code that the learned classifier gave for the predicate ``verb``, read in context:
        "agreed to free X" is an intent to release, "will not lift" a refusal to ease."""
        if verb is None or code[:2] not in MODAL_ROOTS:
            return code
        mode = self.read(verb).mode
        if mode not in {"intent", "refusal", "threat"}:
            return code
        return self.transform(code, mode) or code

    def transform(self, code: str, mode: str) -> str | None:
        """The CAMEO code once the reading is applied; None when nothing is coded."""
        conflict = int(code[:2]) >= 10
        if mode == "fact":
            return code
        if mode in {"intent", "threat"}:
            return _lookup(self.threat_codes if conflict else self.intent_codes, code)
        if mode == "refusal":
            return _lookup(self.refusal_codes, code)
        return None


def _lookup(codes: dict[str, str], code: str) -> str | None:
    """The entry for ``code`` or, failing that, for its nearest parent ("0871", "087", "08")."""
    for length in range(len(code), 1, -1):
        if code[:length] in codes:
            return codes[code[:length]]
    return None


def object_of(token: Token) -> Token | None:
    """Who an object-control verb addresses: "urged **Chile**", "called on **Chile**"."""
    for child in token.children:
        if child.dep_ in {"dobj", "dative"}:
            return child
        if child.dep_ == "prep" and child.lower_ in {"on", "upon"}:
            return child
    return None


def subjects(verb: Token, grammar: Grammar) -> list[Token]:
    """The tokens that act as subject of ``verb``, following control and coordination."""
    found = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    if found:
        # a misparse can give two subjects (a heading run into the sentence): the nearest acts
        return [min(found, key=lambda child: abs(verb.i - child.i))]
    for child in verb.children:
        if child.dep_ == "agent":
            return [t for t in child.children if t.dep_ == "pobj"]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in grammar.object_control:
        obj = object_of(verb.head)
        if obj is not None:
            return [obj]
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # "condemned Chile for sending troops": the object of the outer verb does it
        outer = verb.head.head
        objects = [c for c in outer.children if c.dep_ == "dobj"]
        return objects or subjects(outer, grammar)
    if verb.dep_ in {"xcomp", "conj", "advcl", "acomp"} and verb.head is not verb:
        if verb.dep_ == "conj" and any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.head.children):
            return []
        return subjects(verb.head, grammar)
    if verb.dep_ in {"relcl", "acl"} and verb.head is not verb:
        return issuers(verb.head, grammar) or [verb.head]
    return []


def issuers(document: Token, grammar: Grammar) -> list[Token]:
    """Who issued a document that says something: "**Norway** issued a statement condemning
    Chile", "a report published by **Norway** accusing Chile"."""
    if document.lemma_.lower() not in grammar.documents:
        return []
    issued = document.head
    if document.dep_ == "dobj" and issued.lemma_.lower() in grammar.issuing_verbs:
        return subjects(issued, grammar)
    by = [
        c
        for c in document.children
        if c.dep_ == "acl" and c.lemma_.lower() in grammar.issuing_verbs
    ]
    return [t for verb in by for c in verb.children if c.dep_ == "agent" for t in c.children]


def patients(verb: Token, grammar: Grammar) -> list[Token]:
    """Who undergoes a passive verb: its passive subject, or the subject it shares with the
    verb it depends on ("Russia was ready, only to be rebuffed by ...")."""
    found = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if found or verb.dep_ not in {"xcomp", "advcl", "conj"}:
        return found
    return subjects(verb.head, grammar)


def doers(verb: Token) -> list[Token]:
    """Who does what ``verb`` says: its passive agent, else its subject."""
    agents = [t for c in verb.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
    return agents or [c for c in verb.children if c.dep_ in SUBJECT_DEPS]


def passive(verb: Token) -> bool:
    return any(
        child.dep_ in PASSIVE_SUBJECT_DEPS or child.dep_ == "auxpass" for child in verb.children
    )


def predicate(source: Token, target: Token) -> Token | None:
    """The verb that joins two actors: their lowest common head, or below it the clause on the
    target's side that holds the act ("said they will free X", "agreed to free X": free)."""
    above_source = {t.i for t in (source, *source.ancestors)}
    chain = [target, *target.ancestors]
    top = next((k for k, token in enumerate(chain) if token.i in above_source), None)
    if top is None:
        return None
    verb = chain[top] if chain[top].pos_ in {"VERB", "AUX"} else None
    for token in reversed(chain[:top]):
        if token.dep_ not in DOWN_DEPS:
            break
        if token.pos_ in {"VERB", "AUX"}:
            verb = token
    if top == 0 and verb is not None:
        # the target holds the verb (a whole sentence): the act is in its infinitive
        verb = _deepest_xcomp(verb)
    return verb


def misread_clause(verb: Token) -> tuple[Token, Token] | None:
    """Subject and object of a clause the parser read as a noun phrase: in "Lula thanked macron,
    macron thanked Lula" the second "thanked" may hang as an adjective on the noun after it, with
    its subject as that noun's compound (or its own subject)."""
    noun = verb.head
    if verb.dep_ != "amod" or not verb.tag_.startswith("VB") or noun.i < verb.i:
        return None
    before = [c for c in noun.children if c.dep_ == "compound" and c.i == verb.i - 1]
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    found = own or before
    return (found[0], noun) if found else None


def _deepest_xcomp(verb: Token) -> Token:
    """ "agreed to resign" -> resign."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
            return _deepest_xcomp(child)
    return verb
