"""Find events in a parsed Doc whose actor mentions are known.

For every predicate the lexicon knows (a verb, a light-verb phrase or an event noun) the
grammar decides whether it is real, negated, hypothetical, an intent, a refusal or a threat;
the source comes from the subject (or passive agent, or possessor of an event noun) and the
target from the slots the lexicon names. Each (source, target, code) becomes an ``Event``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.events.cameo import CameoTable
from detente.events.grammar import (
    Grammar,
    Reading,
    doers,
    infinitive,
    misread_clause,
    object_of,
    passive,
    patients,
    raised_objects,
    subjects,
)
from detente.events.lexicon import Lexicon, Pattern
from detente.events.pairs import Pair, candidate_pairs
from detente.records import Actor, Event, Mention

MAX_SEARCH_DEPTH = 3
REPORTED_SELF = {"it", "they", "he", "she", "we"}
POSSESSIVES = {"his", "her", "its", "their", "our"}
RELATIVES = {"who", "which", "that"}  # as subjects of a relative clause
DEMAND = "100"
ANSWER_ROOTS = frozenset({"08", "12"})  # yielding to them, rejecting them
CLAUSE = "clause"  # the reading of a predicate whose target is somewhere in its that-clause
PRESSURE_ROOT = "16"  # sanctions, embargoes, suspended ties: kept until a condition is met
REFUSAL = "120"
ACCUSE = "112"
CRITICISM = "111"
SEARCH_DEPS = {"poss", "compound", "amod", "nmod", "appos", "pobj", "prep", "npadvmod", "det"}
SEARCH_PREPS = {"of", "from", "in", "at", "for", "by", "including", "with"}
# A target may sit deeper in what the event is done to: "rejected an appeal filed by X",
# "suspended air links with X", "lifted restrictions on travel to X".
TARGET_SEARCH_DEPTH = 6
TARGET_SEARCH_DEPS = SEARCH_DEPS | {"acl", "agent"}
TARGET_SEARCH_PREPS = SEARCH_PREPS | {
    "against", "among", "to", "on", "into", "out", "toward", "towards", "within", "inside",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Candidate:
    """A predicate matched to a pattern, with the tokens that hold its actors."""

    pattern: Pattern
    code: str
    trigger: Token
    sources: tuple[Token, ...]
    targets: tuple[Token, ...]
    reading: str
    fallback: tuple[Token, ...] = ()  # who acts when no source token is an actor
    alternatives: tuple[tuple[Token, ...], ...] = ()  # later target slots, for when no actor


class MentionIndex:
    """Which mention each token belongs to."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, mention)

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def find_all(self, token: Token, *, deep: bool = False) -> list[Mention]:
        """``find``, plus the mentions coordinated with the one found ("X and Y")."""
        first = self.find(token, deep=deep)
        if first is None:
            return []
        found = [first]
        for head in self._tokens_of(first, token.doc):
            for conjunct in head.conjuncts:
                other = self.at(conjunct)
                if other is not None and other not in found:
                    found.append(other)
        return found

    def _tokens_of(self, mention: Mention, doc: Doc) -> list[Token]:
        return [doc[i] for i, m in self.by_token.items() if m is mention]

    def find(self, token: Token, *, deep: bool = False) -> Mention | None:
        """The mention at ``token`` or, failing that, the nearest one among its modifiers
        (``deep``: further down, as a target is searched; not into what it is about)."""
        frontier = [token]
        for _ in range((TARGET_SEARCH_DEPTH if deep else MAX_SEARCH_DEPTH) + 1):
            following: list[Token] = []
            for current in frontier:
                found = self.at(current)
                if found is not None:
                    return found
                following.extend(c for c in current.children if _searchable(c, deep=deep))
            frontier = following
        return None


def _searchable(token: Token, *, deep: bool = False) -> bool:
    if _subject_of_participle(token):
        return True
    if token.dep_ == "prep":
        return token.lower_ in (TARGET_SEARCH_PREPS if deep else SEARCH_PREPS)
    return token.dep_ in (TARGET_SEARCH_DEPS if deep else SEARCH_DEPS)


def _subject_of_participle(token: Token) -> bool:
    """ "The Red Cross operating in Syria said": a parse that makes the participle the subject
    hangs the organisation under it; it, not the place, is who speaks."""
    verb = token.head
    return token.dep_ == "nsubj" and verb.tag_ == "VBG" and verb.dep_ in ("nsubj", "nsubjpass")


class EventExtractor:
    def __init__(self, lexicon: Lexicon, grammar: Grammar, table: CameoTable) -> None:
        self.lexicon = lexicon
        self.grammar = grammar
        self.table = table

    def extract(self, doc: Doc, index: MentionIndex | None = None) -> list[Event]:
        index = index or MentionIndex(doc, list(doc._.mentions or []))
        events: dict[tuple[object, ...], Event] = {}
        for sentence in doc.sents:
            for candidate in self.candidates(sentence):
                for event in self.events_of(doc, candidate, index):
                    key = _event_key(event)
                    if key not in events or _better(event, events[key]):
                        events[key] = event
        return sorted(events.values(), key=lambda e: (e.trigger_start, e.source.start))

    def pairs(self, doc: Doc, index: MentionIndex) -> list[Pair]:
        """Candidate actor pairs for a second opinion, sentence by sentence."""

        def find(token: Token) -> list[Mention]:
            return _mentions(index, token)

        def find_target(token: Token) -> list[Mention]:
            return _mentions(index, token, deep=True)

        return [p for s in doc.sents for p in candidate_pairs(s, self.grammar, find, find_target)]

    # -- candidates --------------------------------------------------------------------

    def candidates(self, sentence: Span) -> Iterator[Candidate]:
        matched: set[int] = set()
        for token in sentence:
            if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
                candidate = self.verb_candidate(token)
                if candidate is not None:
                    matched.add(token.i)
                    matched.update(o.i for o in token.children if o.dep_ == "dobj")
                    yield candidate
                    accusation = self.reported_accusation(candidate)
                    if accusation is not None:
                        yield accusation
                refusal = self.conditional_refusal(token)
                if refusal is not None:
                    yield refusal
                yield from self.reported_demands(token)
        for token in sentence:
            if token.pos_ in {"NOUN", "PROPN"} and token.i not in matched:
                candidate = self.noun_candidate(token)
                if candidate is not None:
                    yield candidate
            if token.pos_ == "NOUN":
                yield from self.conditional_demands(token)

    def verb_candidate(self, verb: Token) -> Candidate | None:
        """The candidate of the best pattern whose actors are there: of two equally specific
        patterns ("voiced dismay and condemnation of Chile") the one that reaches a target."""
        patterns = self.match_verbs(verb)
        if not patterns or _governs_matched_xcomp(verb, self):
            return None
        reading = self.grammar.read(verb)
        best = patterns[0]
        tied = [p for p in patterns if self.score(verb, p) == self.score(verb, best)]
        for pattern in tied:
            candidate = self.pattern_candidate(verb, pattern, reading)
            if candidate is not None:
                return candidate
        return None

    def pattern_candidate(
        self, verb: Token, pattern: Pattern, reading: Reading
    ) -> Candidate | None:
        code = self.grammar.transform(pattern.code, reading.mode)
        if code is None:
            return None
        sources, groups = self.verb_roles(verb, pattern, reading)
        if not groups and "clause-any" in pattern.targets:
            return _about_clause(verb, pattern, code, sources)
        targets = groups[0] if groups else []
        if not _enough(pattern, sources, targets):
            return None
        others = tuple(tuple(group) for group in groups[1:])
        return Candidate(
            pattern, code, verb, tuple(sources), tuple(targets), reading.mode, (), others
        )

    def match_verb(self, verb: Token) -> Pattern | None:
        return next(iter(self.match_verbs(verb)), None)

    def match_verbs(self, verb: Token) -> list[Pattern]:
        """The patterns that fit the verb, its particles and objects, most specific first."""
        patterns = self.lexicon.verb_patterns(verb.lemma_.lower())
        if not patterns:
            return []
        particles = {
            c.lower_ for c in verb.children if c.dep_ in {"prt", "prep", "advmod"} and not _dated(c)
        }
        particles |= {c.lower_ for c in resultatives(verb)}
        labels = {w for c in complements(verb) for w in (c.lemma_.lower(), c.lower_)}
        labelling = bool(labels) and any(p.complements for p in patterns)
        fitting = []
        for pattern in patterns:
            if pattern.particle and pattern.particle not in particles:
                continue
            if pattern.objects and not pattern.objects & self.object_lemmas(verb, pattern):
                continue
            if pattern.complements and not pattern.complements & labels:
                continue
            if labelling and not (pattern.complements or pattern.objects):
                continue  # "called Chile a liar" is no phone call
            fitting.append(pattern)
        return sorted(fitting, key=lambda p: self.score(verb, p), reverse=True)

    def score(self, verb: Token, pattern: Pattern) -> tuple[int, int]:
        """How specific a fitting pattern is; of objects, a two-word one ("sent military aid")
        is more specific than one word."""
        matched = pattern.objects & self.object_lemmas(verb, pattern)
        return pattern.specificity, max((len(w.split()) for w in matched), default=0)

    def object_lemmas(self, verb: Token, pattern: Pattern) -> set[str]:
        """Lemmas (and words: "spying") of the objects a light verb can need, unless negated
        ("poses no threat")."""
        negated = self.grammar.negated_noun
        objects = [o for o in direct_objects(verb, pattern.particle) if not negated(o)]
        return {word for o in objects for word in object_words(o)}

    def verb_roles(
        self, verb: Token, pattern: Pattern, reading: Reading
    ) -> tuple[list[Token], list[list[Token]]]:
        """Sources, and the target slots that are filled, in the lexicon's order."""
        clause = misread_clause(verb)
        if clause is not None and "obj" in pattern.targets:
            return [clause[0]], [[clause[1]]]
        if passive(verb) and not pattern.objects:
            agents = [
                t for c in verb.children if c.dep_ == "agent" for t in c.children
                if t.dep_ == "pobj"
            ]  # fmt: skip
            agents = agents or self.grammar.where_the_state_acts(verb, pattern.code)
            others = [s for s in pattern.targets if s != "obj"]
            groups = [patients(verb, self.grammar), *slot_groups(verb, tuple(others))]
            return _with_conjuncts(agents), [_with_conjuncts(g) for g in groups if g]
        sources = subjects(reading.subject, self.grammar)
        if not sources and passive(verb):  # "inspectors were expelled from Chile"
            sources = self.grammar.where_the_state_acts(verb, pattern.code)
        groups = slot_groups(verb, pattern.targets, pattern.particle)
        return _with_conjuncts(sources), [_with_conjuncts(g) for g in groups]

    def reported_accusation(self, candidate: Candidate) -> Candidate | None:
        """A speaker who puts forward another's hostile act accuses the actor of it: "the
        minister said Russia invaded Crimea" is also minister -> Russia, 112. A source named
        after the news ("..., the ministry said") only attributes it, as wire copy does."""
        if candidate.reading != "fact" or int(candidate.code[:2]) < 14:
            return None
        speech = self.speech_verb_over(candidate.trigger)
        if speech is None or speech.i > candidate.trigger.i:
            return None
        speakers = subjects(speech, self.grammar)
        if not speakers or set(speakers) & set(candidate.sources):
            return None
        pattern = Pattern("112", speech.lemma_.lower(), "verb")
        return Candidate(pattern, "112", speech, tuple(speakers), candidate.sources, "reported")

    def conditional_refusal(self, verb: Token) -> Candidate | None:
        """ "Peru will not lift the blockade until Chile frees the crew": Peru's refusal is
        addressed to whoever must meet the condition (Chile)."""
        reading = self.grammar.read(verb)
        if reading.mode != "refusal":
            return None
        targets = [t for clause in self.grammar.conditions(verb) for t in doers(clause)]
        sources = subjects(reading.subject, self.grammar)
        if not targets or not sources:
            return None
        pattern = self.match_verb(verb)
        code = self.grammar.transform(pattern.code, "refusal") if pattern else None
        return _derived(code or REFUSAL, verb, sources, targets, "refusal")

    def reported_demands(self, speech: Token) -> Iterator[Candidate]:
        """ "Chile must withdraw, Norway said": the speaker demands it of Chile; "Chile was
        responsible for the attack, Norway said": the speaker accuses Chile; "Peru's president
        is (not) welcome": the speaker receives (rejects) him; what critics say of an actor is
        criticism."""
        if speech.lemma_.lower() not in self.grammar.speech_verbs:
            return
        speakers = subjects(speech, self.grammar)
        if not speakers or self.grammar.read(speech).mode == "skip":
            return
        critical = any(s.lemma_.lower() in self.grammar.critics for s in speakers)
        for clause in speech.children:
            if clause.dep_ not in {"ccomp", "parataxis"}:
                continue
            code = self.grammar.welcomes(clause) or (CRITICISM if critical else None)
            code = DEMAND if self.grammar.obliged(clause) else code
            code = ACCUSE if self.grammar.blames(clause) else code
            named = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if code is not None and named:
                yield _derived(code, speech, speakers, named, "reported")

    def conditional_demands(self, noun: Token) -> Iterator[Candidate]:
        """ "Sanctions on Chile will stay until it frees the sailors, Norway said": who keeps the
        pressure demands the condition of its target (the possessor, the subject of the verb,
        else the speaker)."""
        pressure = [
            p for p in self.lexicon.noun_patterns(noun.lemma_.lower())
            if p.code.startswith(PRESSURE_ROOT)
        ]  # fmt: skip
        verb = _governing_verb(noun)
        if not pressure or verb is None or self.grammar.lasting_until(verb) is None:
            return
        targets = slot_tokens(noun, pressure[0].targets) or slot_tokens(verb, pressure[0].targets)
        keepers = [c for c in noun.children if c.dep_ == "poss"]
        keepers = keepers or [s for s in subjects(verb, self.grammar) if s != noun]
        speech = self.speech_verb_over(verb)
        if not keepers and speech is not None:
            keepers = subjects(speech, self.grammar)
        if keepers and targets:
            yield _derived(DEMAND, noun, keepers, targets, "reported", pos="noun")

    def speech_verb_over(self, token: Token) -> Token | None:
        current = token
        while (
            current.dep_ in {"ccomp", "conj", "parataxis", "xcomp"} and current.head is not current
        ):
            current = current.head
            if current.lemma_.lower() in self.grammar.speech_verbs:
                return None if self.grammar.read(current).mode == "skip" else current
        return None

    def noun_candidate(self, noun: Token) -> Candidate | None:
        patterns = self.lexicon.noun_patterns(noun.lemma_.lower())
        if not patterns:
            return None
        pattern = patterns[0]
        governor = _governing_verb(noun)
        mode = self.grammar.noun_reading(noun, governor)
        code = self.grammar.transform(pattern.code, mode) if mode else None
        if code is None:
            return None
        sources = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"}]
        sources += _prep_objects(noun, "by")
        fallback = []
        if governor is not None and _argument_of(noun, governor):
            fallback = (
                [] if self.answers(noun, code, governor) else subjects(governor, self.grammar)
            )
        elif governor is None and code.startswith(DEMAND[:2]):
            fallback = self.voiced_by(noun)
        targets = slot_tokens(noun, pattern.targets)
        if governor is not None and self.receiving(noun, governor):
            # "Chile received aid from Peru": Peru gives, Chile receives
            sources = _prep_objects(noun, "from") + _prep_objects(governor, "from")
            targets, fallback = fallback, []
        if pattern.symmetric:
            # "talks between X and Y" are mutual; "his talks with X and Y" are not
            between = _prep_objects(noun, "between")
            targets = targets + between if sources or fallback else between
        sources, targets = _with_conjuncts(sources), _with_conjuncts(targets)
        if not _enough(pattern, sources or fallback, targets):
            return None
        return Candidate(
            pattern,
            code,
            noun,
            tuple(sources),
            tuple(targets),
            mode or "fact",
            tuple(_with_conjuncts(fallback)),
        )

    def answers(self, noun: Token, code: str, governor: Token) -> bool:
        """Whether ``governor`` answers the appeal or demand ``noun``: who concedes to, accepts
        or rejects demands did not make them ("Chile conceded to demands from Peru")."""
        if code[:2] not in self.grammar.addressed_roots:  # appeals and demands
            return False
        pattern = self.match_verb(governor)
        return pattern is not None and pattern.code[:2] in ANSWER_ROOTS

    def voiced_by(self, noun: Token) -> list[Token]:
        """Who voices a demand named deep in what they say: "Oslo said on behalf of the
        government of the demand for Chile to ..." (prepositional phrases up to the verb)."""
        token = noun
        while token.dep_ in {"pobj", "prep"} and token.head is not token:
            token = token.head
        if token.lemma_.lower() not in self.grammar.speech_verbs:
            return []
        return subjects(token, self.grammar)

    def receiving(self, noun: Token, governor: Token) -> bool:
        """Whether ``noun`` is what its verb's subject receives ("won support from X")."""
        if noun.dep_ != "dobj" or noun.head != governor:
            return False
        return governor.lemma_.lower() in self.grammar.receiving_verbs

    # -- events ------------------------------------------------------------------------

    def events_of(self, doc: Doc, candidate: Candidate, index: MentionIndex) -> Iterator[Event]:
        if candidate.reading == "reported":
            yield from self.accusations(doc, candidate, index)
            return
        if candidate.reading == CLAUSE:
            yield from self.foreign_in_clause(doc, candidate, index)
            return
        sources = self.actors(candidate.sources, index)
        sources = sources or self.actors(candidate.fallback, index)
        sources = [s for s in sources if not _purpose_noun(s, candidate.trigger)]
        if len(sources) > 1 and (_reciprocal(candidate.targets) or self.joint(candidate, index)):
            yield from self.mutual(doc, candidate, sources)  # "X and Y accused each other"
            return
        targets = self.targets(candidate, index)
        if candidate.pattern.symmetric and (
            len(sources) < 1 or len(targets) < 1 or candidate.reading == "mutual"
        ):
            if not sources and (candidate.sources or candidate.fallback):
                return  # someone who is no actor met them: they did not meet each other
            yield from self.mutual(doc, candidate, sources + targets)
            return
        for source in sources:
            for target in targets:
                if _same_actor(source, target):
                    continue
                yield self.make_event(doc, candidate, source, target)
                if candidate.pattern.symmetric and candidate.reading == "fact":
                    yield self.make_event(doc, candidate, target, source)

    def joint(self, candidate: Candidate, index: MentionIndex) -> bool:
        """Whether coordinated subjects do a joint act to each other: "Chile and Peru agreed to
        share data" names no other party; "... to share data with Bolivia" does. The thing the
        act needs ("violated the truce") is no party."""
        if not candidate.pattern.mutual:
            return False
        groups = (candidate.targets, *candidate.alternatives)
        needed = candidate.pattern.objects
        others = [t for group in groups for t in group if not needed & object_words(t)]
        return not any(_mentions(index, t) for t in others)

    def targets(self, candidate: Candidate, index: MentionIndex) -> list[Mention]:
        """The first target slot that holds an actor the actors stage knows, else the first."""
        groups = [candidate.targets, *candidate.alternatives]
        if candidate.code in self.grammar.violated_codes:
            groups = [tuple(t for t in g if not _named_thing(t, candidate, index)) for g in groups]
        if candidate.code[:2] in self.grammar.addressed_roots:
            groups = [tuple(t for t in g if self.addressee(t, index)) for g in groups]
        found = [
            _unique(m for t in group for m in _mentions(index, t, deep=True)) for group in groups
        ]
        known = (g for g in found if any(m.actor.method != UNRESOLVED for m in g))
        return next(known, found[0])

    def addressee(self, token: Token, index: MentionIndex) -> bool:
        """Whether an appeal or demand can be addressed to ``token``: a known actor, or a noun
        phrase that is no event ("called for **an inquiry**" asks it of nobody named)."""
        return bool(index.find_all(token)) or not self.lexicon.noun_patterns(token.lemma_.lower())

    def actors(self, tokens: tuple[Token, ...], index: MentionIndex) -> list[Mention]:
        """The mentions at ``tokens``. A subject pronoun stands, in what a speaker reports, for
        the speaker ("Chile said it will not ..."); a possessive one no mention covers for the
        subject of the sentence ("Chile defended its talks with Peru")."""
        found: list[Mention] = []
        for token in tokens:
            here = _mentions(index, token)
            if token.lower_ in REPORTED_SELF and token.dep_ == "nsubj":
                here = self.speaker_mentions(token, index) or here
            elif not here and token.lower_ in POSSESSIVES and token.dep_ == "poss":
                main = [t for t in subjects(token.sent.root, self.grammar) if t.i < token.i]
                here = [m for t in main for m in index.find_all(t)]
            elif not here and token.lower_ in RELATIVES and token.head.dep_ == "relcl":
                here = _antecedent(token, index)
            found += here
        return _unique(iter(found))

    def speaker_mentions(self, pronoun: Token, index: MentionIndex) -> list[Mention]:
        """Whom the subject pronoun of a reported clause stands for: the speaker ("Chile said it
        will ..."), named, rather than the pronoun's own mention."""
        speech = self.speech_verb_over(pronoun.head)
        speakers = subjects(speech, self.grammar) if speech is not None else []
        return [m for t in speakers for m in _mentions(index, t)]

    def mutual(self, doc: Doc, candidate: Candidate, parties: list[Mention]) -> Iterator[Event]:
        """ "X and Y met": every party to every other, both ways."""
        parties = _unique(iter(parties))
        for source in parties:
            for target in parties:
                if source is not target and not _same_actor(source, target):
                    yield self.make_event(doc, candidate, source, target)

    def accusations(self, doc: Doc, candidate: Candidate, index: MentionIndex) -> Iterator[Event]:
        """Events read off a report (accusations, demands) need known actors of two different
        countries, or of two different sectors of one ("the opposition leader said the
        government must resign")."""
        speakers = self.actors(candidate.sources, index)
        accused = _unique(m for t in candidate.targets for m in index.find_all(t))
        for source in speakers:
            for target in accused:
                if _apart(source.actor, target.actor):
                    yield self.make_event(doc, candidate, source, target)

    def foreign_in_clause(
        self, doc: Doc, candidate: Candidate, index: MentionIndex
    ) -> Iterator[Event]:
        """What a complaint is about: the first actor of another country its clause names."""
        named = _unique(m for t in candidate.targets for m in index.find_all(t))
        for source in self.actors(candidate.sources, index):
            country = source.actor.country
            foreign = (m for m in named if m.actor.country not in {None, country})
            target = next(foreign, None)
            if country is not None and target is not None:
                yield self.make_event(doc, candidate, source, target)

    def make_event(self, doc: Doc, candidate: Candidate, source: Mention, target: Mention) -> Event:
        entry = self.table.get(candidate.code)
        trigger = candidate.trigger
        sentence = trigger.sent
        return Event(
            article_id=doc._.article_id or "",
            source=source,
            target=target,
            cameo=candidate.code,
            trigger=trigger.text,
            trigger_start=trigger.idx,
            trigger_end=trigger.idx + len(trigger.text),
            sentence=sentence.text,
            sentence_start=sentence.start_char,
            goldstein=entry.goldstein,
            quad=entry.quad,
            plover=entry.plover,
            confidence=0.6 if candidate.reading == "fact" else 0.5,
            date=doc._.published,
            method="lexicon",
            notes=(f"reading={candidate.reading}", f"pattern={candidate.pattern.lemma}"),
        )


UNRESOLVED = "unresolved"  # the method of an actor that is only a noun phrase
NOT_ACTORS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}
NP_LEFT_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case"}


def _np(token: Token) -> list[Mention]:
    """A mention of an actor no table knows: the noun phrase headed by ``token``."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.ent_type_ in NOT_ACTORS:
        return []
    left = [c for c in token.lefts if c.dep_ in NP_LEFT_DEPS]
    start = min((c.left_edge.i for c in left), default=token.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
        elif child.dep_ in {"compound", "case"}:
            end = max(end, child.i + 1)
        else:
            break
    span = token.doc[start:end]
    actor = Actor(None, None, name=None, method=UNRESOLVED)
    return [Mention(span.text, span.start_char, span.end_char, actor, (span.text,))]


CORE_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "iobj", "appos", "conj", "attr"}


def _mentions(index: MentionIndex, token: Token, *, deep: bool = False) -> list[Mention]:
    """The known mentions at ``token``, or the noun phrase it heads when it is an argument."""
    found = index.find_all(token, deep=deep)
    if found or token.dep_ not in CORE_DEPS:
        return found
    return _np(token)


def _antecedent(relative: Token, index: MentionIndex) -> list[Mention]:
    """What a relative pronoun stands for: the noun its clause hangs on when that is an actor;
    for "who", else the last mention before it in that noun's phrase ("the envoy of Chile, who
    ..."), since the parser may hang the clause on a noun higher up than the person it means.
    "that" and "which" often stand for things ("the attack in Kabul that killed ...")."""
    noun = relative.head.head
    own = index.at(noun)
    if own is not None or relative.lower_ != "who":
        return [own] if own is not None else []
    before = [t for t in noun.subtree if t.i < relative.i]
    found = (index.at(t) for t in reversed(before))
    nearest = next((m for m in found if m is not None), None)
    return [nearest] if nearest is not None else []


def _about_clause(
    verb: Token, pattern: Pattern, code: str, sources: list[Token]
) -> Candidate | None:
    """ "Chile complained that the talks failed because of Peru": the nouns of the that-clause,
    among which the target."""
    said = [
        t for c in verb.children if c.dep_ == "ccomp" for t in c.subtree
        if t.pos_ in {"NOUN", "PROPN"} and t.dep_ != "compound"
    ]  # fmt: skip
    if not sources or not said:
        return None
    return Candidate(pattern, code, verb, tuple(sources), tuple(said), CLAUSE)


def _derived(
    code: str,
    trigger: Token,
    sources: list[Token],
    targets: list[Token],
    reading: str,
    pos: str = "verb",
) -> Candidate:
    """A candidate the grammar reads off a construction rather than a lexicon entry; actors
    coordinated with its sources and targets count too."""
    pattern = Pattern(code, trigger.lemma_.lower(), pos)
    sides = tuple(_with_conjuncts(sources)), tuple(_with_conjuncts(targets))
    return Candidate(pattern, code, trigger, *sides, reading)


def _named_thing(token: Token, candidate: Candidate, index: MentionIndex) -> bool:
    """Whether ``token`` is the thing the pattern needs as object and no actor: in "Chile
    violated the ceasefire" the ceasefire is what is violated, not whom."""
    objects = candidate.pattern.objects
    return bool(objects & object_words(token)) and not index.find_all(token)


def _purpose_noun(source: Mention, verb: Token) -> bool:
    """Whether ``source`` is a noun phrase (no known actor) that the infinitive ``verb`` only
    modifies: in "sent envoys in a bid to calm Chile" or "got permission to detain them" the bid
    and the permission do nothing."""
    if source.actor.method != UNRESOLVED or verb.dep_ != "acl":
        return False
    return infinitive(verb) and source.start <= verb.head.idx < source.end


def _reciprocal(tokens: tuple[Token, ...]) -> bool:
    """Whether a target is "each other" or "one another"."""
    for token in tokens:
        words = {token.lower_} | {c.lower_ for c in token.children if c.dep_ == "det"}
        if {"each", "other"} <= words or {"one", "another"} <= words:
            return True
    return False


def _enough(pattern: Pattern, sources: list[Token], targets: list[Token]) -> bool:
    if pattern.symmetric:
        return _parties(sources) + len(targets) >= 2
    if pattern.joint and _parties(sources) >= 2:
        return True  # "Chile and Peru agreed to share data"
    return bool(sources and targets)


COORDINATED_MODIFIERS = {"poss", "nmod", "amod", "compound"}


def _parties(tokens: list[Token]) -> int:
    """How many parties the tokens may name: "Chile and Peru's ministers" names two."""
    modifiers = [c for t in tokens for c in t.lefts if c.dep_ in COORDINATED_MODIFIERS]
    return len(tokens) + sum(len(c.conjuncts) for c in modifiers)


def slot_tokens(head: Token, slots: tuple[str, ...], particle: str | None = None) -> list[Token]:
    """Tokens in the first of ``slots`` that is filled."""
    return next(iter(slot_groups(head, slots, particle)), [])


def slot_groups(
    head: Token, slots: tuple[str, ...], particle: str | None = None
) -> list[list[Token]]:
    """The tokens of each of ``slots`` that is filled, in order."""
    groups = []
    for slot in slots:
        kind, _, word = slot.partition(" ")
        found = _slot(head, kind, word, particle)
        if found and found not in groups:
            groups.append(found)
    return groups


def direct_objects(verb: Token, particle: str | None = None) -> list[Token]:
    """The direct objects, and the objects of the particle's preposition: "called for
    sanctions", "accused Chile of spying"; what an amount counts ("returned dozens of
    **carvings**"); with their conjuncts ("its rejection and condemnation of")."""
    found = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}] or raised_objects(verb)
    amounts = [o for o in found if o.lemma_.lower() in QUANTITY_HEADS]
    found += [t for o in amounts for t in _prep_objects(o, "of")]
    if particle:
        found += [
            t for c in verb.children if c.dep_ == "prep" and c.lower_ == particle
            for t in c.children if t.dep_ in {"pobj", "pcomp"}
        ]  # fmt: skip
    return _with_conjuncts(found)


GENERIC_HEADS = {"effort", "bid", "process", "initiative", "move", "attempt", "campaign"}
CONTAINERS = {"round", "series"}  # "a new round of exercises" is exercises
QUANTITY_HEADS = {
    "dozen", "score", "hundred", "thousand", "million", "billion", "ton", "tonne", "worth",
    "batch", "shipment", "consignment", "load", "cargo", "crate", "cache", "trove", "number",
    "kg", "kilogram", "kilo", "pound", "litre", "liter", "gallon", "barrel", "box", "carton",
    "sack", "bag", "truckload", "planeload", "pallet",
}  # fmt: skip
RESULT_DEPS = {"acomp", "oprd", "advcl", "ccomp", "xcomp"}


def resultatives(verb: Token) -> list[Token]:
    """The adjective of "set the crew free" or "let free the crew", which reads as the verb's
    particle; the parser may hang it on the verb or, right after the verb, on an object that
    names people ("set free two nurses", not "set free elections")."""
    own = [
        c for c in verb.children
        if c.dep_ in RESULT_DEPS and c.pos_ == "ADJ" and not any(c.children)
    ]  # fmt: skip
    before_object = [
        c for o in verb.children if o.dep_ == "dobj" and _names_people(o) for c in o.lefts
        if c.dep_ == "amod" and c.i == verb.i + 1
    ]  # fmt: skip
    return own + before_object


def _names_people(noun: Token) -> bool:
    counted = any(c.dep_ == "nummod" for c in noun.children)
    return counted or noun.pos_ == "PROPN" or noun.ent_type_ in {"PERSON", "NORP", "ORG"}


def object_words(noun: Token) -> set[str]:
    """The words an object answers to: its lemma and form, the two-word name it ends
    ("human shields", "tear gas"), and for a generic head the word that says what it is
    ("mediation efforts"); a container answers to what it holds ("a round of exercises")."""
    lemma = noun.lemma_.lower()
    inner = _prep_objects(noun, "of") if lemma in CONTAINERS else []
    if inner:
        return {word for token in inner for word in object_words(token)}
    words = {lemma, noun.lower_}
    left = [c for c in noun.lefts if c.dep_ in {"compound", "amod"}]
    if left:
        word = left[-1]
        words.add(f"{word.lemma_.lower()} {lemma}")
        words.add(noun.doc[word.i : noun.i + 1].text.lower())  # "cease-fire"
        if lemma in GENERIC_HEADS and word.dep_ == "compound":
            words.add(word.lemma_.lower())
    return words


def complements(verb: Token) -> list[Token]:
    """What a labelling verb says its object is: "called Chile **a liar**", "called the move
    **reckless**", "branded the group **a threat**" (a second direct object)."""
    found = [c for c in verb.children if c.dep_ == "oprd" or _small_clause_head(c)]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return found or objects[1:]


def _small_clause_head(token: Token) -> bool:
    """ "found the consul guilty" may be parsed as a clause headed by the adjective."""
    return token.dep_ in {"ccomp", "acomp"} and token.pos_ in {"ADJ", "NOUN"}


def labelled(verb: Token) -> list[Token]:
    """Who or what a labelling verb labels: its object, or the subject of the complement
    ("called Chile's decision reckless")."""
    said = complements(verb)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c not in said]
    after = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]  # parsed so too
    inside = [s for c in said for s in c.children if s.dep_ in _small_clause(c)]
    return objects + inside + after


def _small_clause(complement: Token) -> set[str]:
    """Where the labelled thing hangs on the complement: "called [Chile's move] reckless" may be
    parsed with the move as a compound of the adjective; a noun's compounds are its own words."""
    if complement.pos_ == "ADJ" or _small_clause_head(complement):
        return {"nsubj", "compound"}
    return {"nsubj"}


def _slot(head: Token, kind: str, word: str, particle: str | None = None) -> list[Token]:
    if kind == "obj":
        found = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
        return found or raised_objects(head)
    if kind == "labelled":
        return labelled(head)
    if kind == "dative":
        return [c for c in head.children if c.dep_ in {"dative", "iobj"}]
    if kind == "prep":
        return _prep_objects(head, word)
    if kind == "obj-prep":
        objects = [o for o in direct_objects(head, particle) if o.dep_ != "nsubjpass"]
        objects += [c for o in objects for c in o.children if _participle(c)]
        return [t for o in objects for t in _prep_objects(o, word)]
    if kind == "poss":
        return [c for c in head.children if c.dep_ == "poss"]
    if kind == "obj-poss":
        objects = [o for o in direct_objects(head, particle) if o.dep_ != "nsubjpass"]
        return [c for o in objects for c in o.children if c.dep_ == "poss"]
    if kind == "clause":
        holders = [head, *(c for c in head.children if c.dep_ == "dobj")]
        return [
            s for h in holders for c in h.children if c.dep_ in {"ccomp", "acl"}
            for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}
        ]  # fmt: skip
    return []


def _participle(token: Token) -> bool:
    """ "sanctions **imposed** on Chile": a participle whose prepositions say what the
    noun it follows applies to."""
    return token.dep_ == "acl" and token.tag_ == "VBN"


def _prep_objects(head: Token, word: str) -> list[Token]:
    words = set(word.split("|"))
    return [
        t for c in head.children if c.dep_ in {"prep", "dative"} and c.lower_ in words
        for t in c.children if t.dep_ == "pobj"
    ]  # fmt: skip


def _dated(prep: Token) -> bool:
    """ "on Friday" is a date, not the particle of "call on"."""
    return any(c.dep_ == "pobj" and c.ent_type_ in NOT_ACTORS for c in prep.children)


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(c for c in token.conjuncts if c not in out)
    return out


def _governing_verb(noun: Token) -> Token | None:
    token = noun
    for _ in range(3):
        if token.dep_ in {"dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep"}:
            token = token.head
            if token.pos_ in {"VERB", "AUX"}:
                return token
        else:
            return None
    return None


def _argument_of(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` is the verb's own object ("launched an attack", "took part in talks"),
    not the topic of another noun ("raised concerns about the detention": the one who raises
    concerns did not detain)."""
    if noun.dep_ in {"dobj", "attr"}:
        return noun.head == verb
    return noun.dep_ == "pobj" and noun.head.head == verb


def _governs_matched_xcomp(verb: Token, extractor: EventExtractor) -> bool:
    """ "agreed to meet": the infinitive carries the event; the control verb does not.

    Object control ("urged Chile to withdraw") and purpose ("summoned the envoy to complain")
    keep the verb's own event.
    """
    lemma = verb.lemma_.lower()
    controls = lemma in extractor.grammar.object_control or lemma not in extractor.grammar.control
    if controls and object_of(verb) is not None:
        return False
    return any(
        child.dep_ == "xcomp" and extractor.match_verb(child) is not None for child in verb.children
    )


def _unique(mentions: Iterator[Mention | None]) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        if mention is not None and mention not in out:
            out.append(mention)
    return out


def _apart(a: Actor, b: Actor) -> bool:
    """Whether two known actors are of different countries, or of different sectors of one."""
    if a.country is None or b.country is None:
        return False
    if a.country != b.country:
        return True
    return None not in (a.sector, b.sector) and a.sector != b.sector


def _same_actor(a: Mention, b: Mention) -> bool:
    if a.start == b.start:
        return True
    return bool(a.actor.name) and a.actor.name == b.actor.name


def _event_key(event: Event) -> tuple[object, ...]:
    """One event per sentence, dyad and root when both actors are known; else per mention pair."""
    src, tgt = event.source.actor, event.target.actor
    if src.country and tgt.country:
        return (event.sentence_start, src.code, tgt.code, event.root)
    return (event.source.start, event.target.start, event.root)


def _better(new: Event, old: Event) -> bool:
    return (new.confidence, len(new.cameo)) > (old.confidence, len(old.cameo))
