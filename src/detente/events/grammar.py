"""Grammar that changes what a predicate means: negation, modality, control, voice, quotes.

The word lists are data (``events/data/grammar.yaml``); this module reads the parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    failure_codes: dict[str, str]
    speech_verbs: frozenset[str]
    noun_blockers: frozenset[str]
    noun_negators: frozenset[str]
    obligation_aux: frozenset[str]
    receiving_verbs: frozenset[str] = frozenset()
    condition_marks: frozenset[str] = frozenset()
    speculation_preps: frozenset[str] = frozenset()
    culprit_words: frozenset[str] = frozenset()
    critics: frozenset[str] = frozenset()
    welcome_words: dict[str, str] = field(default_factory=dict)
    documents: frozenset[str] = frozenset()
    addressed_roots: frozenset[str] = frozenset()
    violated_codes: frozenset[str] = frozenset()
    issuing_verbs: frozenset[str] = frozenset()
    state_acts: tuple[str, ...] = ()
    where_preps: frozenset[str] = frozenset()

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
                failure_codes={str(k): str(v) for k, v in data["failure_codes"].items()},
                speech_verbs=frozenset(data["speech_verbs"]),
                noun_blockers=frozenset(data["noun_blockers"]),
                noun_negators=frozenset(data["noun_negators"]),
                obligation_aux=frozenset(data["obligation_aux"]),
                receiving_verbs=frozenset(data["receiving_verbs"]),
                condition_marks=frozenset(data["condition_marks"]),
                speculation_preps=frozenset(data["speculation_preps"]),
                culprit_words=frozenset(data["culprit_words"]),
                critics=frozenset(data["critics"]),
                welcome_words={str(k): str(v) for k, v in data["welcome_words"].items()},
                documents=frozenset(data["documents"]),
                addressed_roots=frozenset(str(r) for r in data["addressed_roots"]),
                violated_codes=frozenset(str(c) for c in data["violated_codes"]),
                issuing_verbs=frozenset(data["issuing_verbs"]),
                state_acts=tuple(str(code) for code in data["state_acts"]),
                where_preps=frozenset(data["where_preps"]),
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
        if raised_subject(verb) is not None:
            return Reading("skip", verb, f"object of {verb.head.text}")
        mode = "threat" if future else "fact"
        current = verb
        while current.dep_ == "conj" and current.tag_ == "VB" and current.head.dep_ == "xcomp":
            current = current.head  # "agreed to share data and cooperate": one infinitive
        while current.dep_ == "xcomp" and current.head is not current:
            head = current.head
            kind = self.control.get(head.lemma_.lower(), "fact")
            if head.lemma_.lower() in self.object_control and object_of(head) is not None:
                return Reading("skip", verb, f"object control by {head.text}")
            if kind == "skip" or self.negated(head) or self.hypothetical(head):
                return Reading("skip", verb, f"governed by {head.text}")
            if kind in {"intent", "refusal", "threat", "failure"}:
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
        return None if mode in {"skip", "failure"} else mode

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

    def where_the_state_acts(self, verb: Token, code: str) -> list[Token]:
        """The place whose state did what a passive with no agent says it did to someone:
        "was arrested **in Niger**", "was released from prison in **Chile**"."""
        if not code.startswith(self.state_acts):
            return []
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in self.where_preps]
        for prep in preps:
            for noun in (t for t in prep.children if t.dep_ == "pobj"):
                inner = [
                    t for c in noun.children if c.dep_ == "prep" and c.lower_ in self.where_preps
                    for t in c.children if t.dep_ == "pobj"
                ]  # fmt: skip
                place = next((t for t in [noun, *inner] if _place(t)), None)
                if place is not None:
                    return [place]
        return []

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

    def welcomes(self, clause: Token) -> str | None:
        """ "Peru's president is welcome (here)": the code of how the speaker receives the
        clause's subject; a rejection when negated ("would not be welcome")."""
        words = [c for c in clause.children if c.dep_ == "acomp"]
        code = next((self.welcome_words.get(w.lemma_.lower()) for w in words), None)
        if code is None or not self.negated(clause):
            return code
        return self.transform(code, "refusal")

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
        if mode == "failure":
            return _lookup(self.failure_codes, code)
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
    return next(iter(raised_objects(token)), None)


def raised_subject(clause: Token) -> Token | None:
    """The subject the parser gives an infinitive or participle that is really the object of
    the verb above it: "allowed **Chile** to land", "rejected **Peru** to postpone", "accept
    **refugees** fleeing the war" (a clause with its own subject, where English has an object
    and a bare infinitive)."""
    head = clause.head
    if clause.dep_ != "ccomp" or head is clause or clause.i < head.i:
        return None
    if not (infinitive(clause) or _bare_participle(clause)):
        return None
    if any(c.dep_ in {"dobj", "dative"} for c in head.children):
        return None
    found = [c for c in clause.children if c.dep_ == "nsubj" and head.i < c.i < clause.i]
    return found[0] if found else None


def raised_objects(verb: Token) -> list[Token]:
    """The objects of ``verb`` that the parser made subjects of its clause (see above)."""
    found = (raised_subject(c) for c in verb.children if c.dep_ == "ccomp")
    return [t for t in found if t is not None]


def infinitive(verb: Token) -> bool:
    """ "to land": the verb has the infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _bare_participle(verb: Token) -> bool:
    """ "refugees **fleeing** the war", not "said they **are fleeing**"."""
    return verb.tag_ == "VBG" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


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


PLACES = frozenset({"GPE", "LOC"})
NOT_PLACES = frozenset({"NORP", "DATE", "TIME"})


def _place(token: Token) -> bool:
    """A named place; the tagger also calls some countries people or organisations."""
    if token.ent_type_ in PLACES:
        return True
    return token.pos_ == "PROPN" and token.ent_type_ not in NOT_PLACES


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
