"""The lexicon's events and the learned classifier's opinion, combined.

Every lexicon event is also shown to the classifier: its confidence is the classifier's
probability of the lexicon's root, floored. Candidate pairs the lexicon left empty become events
when the classifier names an event with at least ``threshold`` probability, both sides are
actors the actors stage resolved (not bare noun phrases: on PLV open, learned events between
those were right one time in ten), the source is a subject and the target an object, and the
pair is not a country and one of its own (on PLV open, learned events outside these shapes were
right 6 times in 130).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from detente.events.cameo import CameoTable
from detente.events.extract import REPORTED_SELF, UNRESOLVED
from detente.events.grammar import Grammar, predicate
from detente.events.learned import LearnedClassifier, PairInput, Prediction
from detente.events.pairs import Pair
from detente.records import Event, Mention

LEXICON_FLOOR = 0.35
# Below this probability of the lexicon's root the classifier rules the lexicon's reading out; a
# lexicon event it rules out that has a bare noun phrase on one side ("fighting terrorism",
# "discussed the migrant crisis", "the deadline") was right none of 28 times on PLV open.
RULED_OUT = 0.005
LEARNED_THRESHOLD = 0.6
SAYING_ROOTS = frozenset({"10", "11", "12", "13"})
# The classifier sees a pronoun, not whom it stands for: on PLV open none of its events with a
# pronoun target was right.
PRONOUNS = frozenset({"it", "they", "them", "he", "him", "she", "her", "we", "us", "i", "me"})
# Where a learned event's actors stand: the subject acts on an object ("Chile expelled Peru's
# envoy", "sent aid to Peru", "Peru's envoy"). A conjunct, modifier or passive agent is left to
# the lexicon, which knows coordination and voice.
SOURCE_DEPS = frozenset({"nsubj"})
# Roots of force used against someone (coerce, assault, fight, mass violence); a generic force
# ("troops", "peacekeepers") that is the object of any other act is what the source sends,
# offers or withdraws, not whom it acts on: on PLV open, learned events with such a target
# outside these roots were never right.
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
TARGET_DEPS = frozenset({"dobj", "pobj", "poss", "dative"})
# Prepositions whose object is no target of the subject's act: "by" names the doer of a noun
# ("a drill by the Peruvian navy"). On PLV open, learned events with such a target were never
# right (0 of 5). ("of" was tried too: 0 of 10 right on PLV open, but 2 of 2 on PLOVER.)
NOT_TARGET_PREPS = frozenset({"by"})


@dataclass(frozen=True, slots=True)
class Plan:
    """What one doc asks of the classifier: its lexicon events, then its fresh pairs."""

    fresh: list[Pair]
    asked: list[PairInput | None]


@dataclass(frozen=True, slots=True)
class Combiner:
    classifier: LearnedClassifier
    table: CameoTable
    threshold: float = LEARNED_THRESHOLD
    grammar: Grammar | None = None

    def combine(self, doc: Doc, events: list[Event], pairs: Sequence[Pair]) -> list[Event]:
        return self.combine_many([(doc, events, pairs)])[0]

    def combine_many(
        self, batch: Sequence[tuple[Doc, list[Event], Sequence[Pair]]]
    ) -> list[list[Event]]:
        """Combine several docs with one call to the classifier."""
        plans = [self.plan(doc, events, pairs) for doc, events, pairs in batch]
        asked = [item for plan in plans for item in plan.asked if item is not None]
        answers = iter(self.classifier.predict(asked) if asked else [])
        out = []
        for (doc, events, _), plan in zip(batch, plans, strict=True):
            predictions = [next(answers) if item is not None else None for item in plan.asked]
            out.append(self.apply(doc, events, plan.fresh, predictions))
        return out

    def plan(self, doc: Doc, events: list[Event], pairs: Sequence[Pair]) -> Plan:
        lexicon_keys = {(e.source.start, e.target.start) for e in events}
        fresh = [
            p
            for p in pairs
            if (p.source.start, p.target.start) not in lexicon_keys
            and resolved(p.source)
            and resolved(p.target)
            and p.target.text.lower() not in PRONOUNS
            and subject_to_object(doc, p)
            and not own_country(p.source, p.target)
        ]
        asked = [pair_input(doc, e.source, e.target) for e in events]
        asked += [pair_input(doc, p.source, p.target) for p in fresh]
        return Plan(fresh, asked)

    def apply(
        self,
        doc: Doc,
        events: list[Event],
        fresh: list[Pair],
        predictions: list[Prediction | None],
    ) -> list[Event]:
        out = [
            self.rescore(e, p)
            for e, p in zip(events, predictions, strict=False)
            if not ruled_out(doc, e, p)
        ]
        for pair, prediction in zip(fresh, predictions[len(events) :], strict=True):
            if prediction is None:
                continue
            if self.grammar is not None:
                verb = joining_verb(doc, _span(pair.source), _span(pair.target))
                prediction = recoded(prediction, self.grammar, verb)
            if (
                self.accepts(prediction)
                and not sent_forces(pair.target, prediction)
                and not self.credits_reporter(doc, pair, prediction)
                and not said_of(pair.trigger, prediction, self.grammar)
            ):
                out.append(self.learned_event(doc, pair, prediction))
        return out

    def credits_reporter(self, doc: Doc, pair: Pair, prediction: Prediction) -> bool:
        """Whether the event gives the speaker an act that the speaker only reports: "officials
        said Chile freed the sailors" is Chile's act. Speakers do act by saying (demands,
        criticism, rejections, threats: roots 10-13) and when they report their own acts."""
        if self.grammar is None or pair.trigger.lemma_.lower() not in self.grammar.speech_verbs:
            return False
        if prediction.label in SAYING_ROOTS:
            return False
        clause = reported_clause(doc, pair.trigger, pair.target)
        if clause is None:
            return False
        doers = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return any(
            d.lower_ not in REPORTED_SELF and not pair.source.start <= d.idx < pair.source.end
            for d in doers
        )

    def rescore(self, event: Event, prediction: Prediction | None) -> Event:
        if prediction is None:
            return event
        agreement = prediction.probs.get(event.root, 0.0)
        confidence = round(LEXICON_FLOOR + (1 - LEXICON_FLOOR) * agreement, 4)
        return replace(event, confidence=confidence, method="lexicon+learned")

    def accepts(self, prediction: Prediction) -> bool:
        return prediction.code is not None and prediction.confidence >= self.threshold

    def learned_event(self, doc: Doc, pair: Pair, prediction: Prediction) -> Event:
        code = prediction.code or prediction.label
        entry = self.table.get(code)
        trigger, sentence = pair.trigger, pair.trigger.sent
        return Event(
            article_id=doc._.article_id or "",
            source=pair.source,
            target=pair.target,
            cameo=code,
            trigger=trigger.text,
            trigger_start=trigger.idx,
            trigger_end=trigger.idx + len(trigger.text),
            sentence=sentence.text,
            sentence_start=sentence.start_char,
            goldstein=entry.goldstein,
            quad=entry.quad,
            plover=entry.plover,
            confidence=round(prediction.confidence, 4),
            date=doc._.published,
            method="learned",
            notes=("reading=learned",),
        )


def ruled_out(doc: Doc, event: Event, prediction: Prediction | None) -> bool:
    """Whether the classifier rules out a lexicon event one of whose sides is a bare noun
    phrase that need not be an actor. Counted nouns ("nine ex-ministers") and nouns listed
    with an actor ("Chile and other countries") are taken to be people or groups."""
    if prediction is None or prediction.probs.get(event.root, 0.0) >= RULED_OUT:
        return False
    return any(
        not resolved(side) and not _counted_or_listed(doc, side)
        for side in (event.source, event.target)
    )


def _counted_or_listed(doc: Doc, mention: Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    if any(c.dep_ == "nummod" for c in root.children):
        return True
    known = [m for m in doc._.mentions or [] if resolved(m)]
    return any(m.start <= c.idx < m.end for c in root.conjuncts for m in known)


def sent_forces(target: Mention, prediction: Prediction) -> bool:
    """Whether the target is a generic force (a military noun whose country the context gave)
    that the predicted act would send or withdraw rather than act on: "Chile offered troops"."""
    actor = target.actor
    generic = actor.method == "context" and actor.sector == "MIL"
    return generic and prediction.label[:2] not in FORCE_ROOTS


def said_of(verb: Token, prediction: Prediction, grammar: Grammar | None) -> bool:
    """Whether a saying code (demand, criticism, ...) would go to the subject of what is said or
    demanded: in "Chile said Peru must free them" the demand is Chile's, not Peru's."""
    if prediction.label not in SAYING_ROOTS or grammar is None:
        return False
    modal = any(c.dep_ == "aux" and c.lower_ in grammar.obligation_aux for c in verb.children)
    return modal or verb.dep_ == "ccomp"


def reported_clause(doc: Doc, speech: Token, mention: Mention) -> Token | None:
    """The clause of ``speech`` (what is said) that holds ``mention``, if any."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    for clause in speech.children:
        if clause.dep_ in {"ccomp", "parataxis"} and span.root in clause.subtree:
            return clause
    return None


def subject_to_object(doc: Doc, pair: Pair) -> bool:
    """Whether the source is a subject and the target an object or possessor."""
    source = doc.char_span(pair.source.start, pair.source.end, alignment_mode="expand")
    target = doc.char_span(pair.target.start, pair.target.end, alignment_mode="expand")
    if source is None or target is None:
        return False
    root = target.root
    if root.dep_ == "pobj" and root.head.lower_ in NOT_TARGET_PREPS:
        return False
    return source.root.dep_ in SOURCE_DEPS and root.dep_ in TARGET_DEPS


def own_country(source: Mention, target: Mention) -> bool:
    """A country and one of its own, either way round ("Erdogan" and "Turkey")."""
    a, b = source.actor, target.actor
    bare = (a.sector is None and a.igo is None) or (b.sector is None and b.igo is None)
    return a.country is not None and a.country == b.country and bare


def resolved(mention: Mention) -> bool:
    """Whether the actors stage knows who a mention is (not just a noun phrase)."""
    return mention.actor.method != UNRESOLVED


def _span(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end


def pair_input(doc: Doc, source: Mention, target: Mention) -> PairInput | None:
    """The sentence holding both mentions, with their offsets in it; None across sentences."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None:
        return None
    sentence = span.sent
    low, high = sentence.start_char, sentence.end_char
    if not (
        low <= source.start and source.end <= high and low <= target.start <= target.end <= high
    ):
        return None
    return (
        sentence.text,
        (source.start - low, source.end - low),
        (target.start - low, target.end - low),
    )


def recoded(prediction: Prediction, grammar: Grammar, verb: Token | None) -> Prediction:
    """The classifier's codes read in the context of the predicate that joins the pair."""
    codes: dict[str, float] = {}
    for old, p in prediction.codes.items():
        new = grammar.recode(old, verb)
        codes[new] = codes.get(new, 0.0) + p
    best = grammar.recode(prediction.code, verb) if prediction.code else None
    return replace(prediction, codes=codes, code=best)


def joining_verb(doc: Doc, source: tuple[int, int], target: tuple[int, int]) -> Token | None:
    """The predicate between two character spans of ``doc`` (see ``grammar.predicate``)."""
    spans = [doc.char_span(*span, alignment_mode="expand") for span in (source, target)]
    if spans[0] is None or spans[1] is None:
        return None
    return predicate(spans[0].root, spans[1].root)
