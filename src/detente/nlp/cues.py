"""The cheap pass: sentences and cues of a tokenized, unparsed Doc.

Rule-based sentence breaks (the sentencizer's punctuation rule plus a break after every line
break) and, per sentence, the words that may name an actor and the words that may express an
event. Everything is looked up per vocabulary entry once and cached, so a doc costs one pass over
its token ids. Which sentences then get the full parse is decided in ``select.py``.

Actor cues: names in the actor tables (countries, demonyms, capitals, IGOs, institutions, armed
groups, people), sector words ("minister", "troops", "police"), the pronouns coreference follows
(he, she, they) and capitalised names the tables do not know. Event cues: any inflection of a
lexicon predicate (a light verb only with one of its objects, a phrasal verb only with its
particle, somewhere in the sentence).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import ORTH, SPACY
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from detente.actors.knowledge import ActorKnowledge
from detente.actors.tables import norm, stem
from detente.events.lexicon import Lexicon

PRONOUNS = frozenset({"he", "she", "they"})
DEFINITE = frozenset({"the", "this", "that"})
# Titles the tokenizer may split from their full stop ("Lt", "."): no sentence ends there.
ABBREVIATIONS = frozenset(
    [
        "adm",
        "brig",
        "capt",
        "cdr",
        "cmdr",
        "col",
        "cpl",
        "dr",
        "fr",
        "gen",
        "gov",
        "hon",
        "insp",
        "lieut",
        "lt",
        "maj",
        "mr",
        "mrs",
        "ms",
        "pres",
        "prof",
        "pvt",
        "rep",
        "rev",
        "sen",
        "sgt",
        "sr",
        "jr",
        "st",
        "supt",
    ]
)
DEFINITE_REACH = 3
SENTENCE_ENDS = frozenset(Sentencizer.default_punct_chars)
MAX_TERM_WORDS = 5
POS_RULES = ("verb", "noun", "adj", "adv")

NAME, ROLE, PRONOUN, CAPS = "name", "role", "pronoun", "caps"


@dataclass(frozen=True, slots=True)
class Cue:
    """Tokens ``start <= i < end`` that may name an actor.

    ``kind``: ``name`` (in the actor tables), ``role`` (a sector word), ``pronoun`` or ``caps`` (a
    capitalised name the tables do not know). ``person``: what a pronoun may refer back to.
    ``key``: the normalised last word of a name (a surname), or the role word's stem.
    ``definite``: a role with "the", "this" or "that" shortly before it ("the minister", "the
    three camps"), which coreference may resolve to an earlier one.
    """

    kind: str
    start: int
    end: int
    person: bool = False
    key: str = ""
    definite: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the cheap pass: its token range, actor cues and event words."""

    start: int
    end: int
    cues: tuple[Cue, ...] = ()
    triggers: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Word:
    """What the cheap pass needs to know of one vocabulary entry."""

    text: str
    key: str
    stem: str = ""
    capital: bool = False
    space: bool = False
    newline: bool = False
    punct: bool = False
    opening: bool = False
    either: bool = False
    period: bool = False
    abbreviation: bool = False
    stop: bool = False
    common: bool = False
    pronoun: bool = False
    plural_name: bool = False
    name_start: bool = False
    term_start: bool = False
    lemmas: frozenset[str] = frozenset()
    alone: bool = False
    needs: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Predicates:
    """The lexicon's predicates as bare words: ``alone`` is enough; a word of ``needs`` counts only
    when one of the words it needs (an object, a particle) is in the sentence too."""

    alone: frozenset[str]
    needs: Mapping[str, frozenset[str]]

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> Predicates:
        alone: set[str] = set()
        needs: dict[str, set[str]] = {}
        for pattern in lexicon.patterns:
            lemma = pattern.lemma.lower()
            if pattern.pos == "verb" and (pattern.objects or pattern.particle):
                needed = {o.lower().split()[-1] for o in pattern.objects}
                if pattern.particle:
                    needed.add(pattern.particle.lower().split()[-1])
                needs.setdefault(lemma, set()).update(needed)
            else:
                alone.add(lemma)
        return cls(frozenset(alone), {k: frozenset(v) for k, v in needs.items()})

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every word these predicates may need: to keep per-word lemma sets small."""
        return self.alone.union(self.needs, *self.needs.values())

    def of(self, lemmas: frozenset[str]) -> tuple[bool, frozenset[str]]:
        """Whether a word with these possible lemmas is a predicate on its own, and the words
        that make it one."""
        needed = frozenset().union(*(self.needs.get(lemma, frozenset()) for lemma in lemmas))
        return not self.alone.isdisjoint(lemmas), needed

    @staticmethod
    def found(words: Sequence[Word]) -> list[int]:
        """Positions of predicate words in a sentence."""
        present: set[str] = set()
        for word in words:
            present.update(word.lemmas)
        return [
            i
            for i, word in enumerate(words)
            if word.alone or (word.needs and not word.needs.isdisjoint(present))
        ]


@dataclass(frozen=True, slots=True)
class LemmaGuesser:
    """Every lemma a word form may have as a verb or a noun, from the lemmatizer's tables
    (exceptions and suffix rules), without a tagger: "fought" -> fight, "talks" -> talk.
    ``known`` says whether a form is an ordinary English word (its lemma is in the tables)."""

    rules: Mapping[str, Sequence[tuple[str, str]]] = field(default_factory=dict)
    exceptions: Mapping[str, Mapping[str, Sequence[str]]] = field(default_factory=dict)
    index: frozenset[str] = frozenset()

    @classmethod
    def from_lookups(cls, lookups: Any) -> LemmaGuesser:
        """From a spaCy rule lemmatizer's ``lookups`` (``lemma_rules``, ``lemma_exc``,
        ``lemma_index``)."""
        rules = lookups.get_table("lemma_rules")
        exceptions = lookups.get_table("lemma_exc")
        index = lookups.get_table("lemma_index")
        return cls(
            {pos: [(a, b) for a, b in rules.get(pos, [])] for pos in POS_RULES},
            {pos: dict(exceptions.get(pos, {})) for pos in POS_RULES},
            frozenset(w for pos in POS_RULES for w in index.get(pos, [])),
        )

    def __call__(self, form: str, pos: Iterable[str] = ("verb", "noun")) -> set[str]:
        found = {form}
        for name in pos:
            found.update(self.exceptions.get(name, {}).get(form, ()))
            for old, new in self.rules.get(name, ()):
                if form.endswith(old):
                    found.add(form[: len(form) - len(old)] + new)
        return found

    def known(self, form: str) -> bool:
        return not self.index.isdisjoint(self(form, POS_RULES))


class CueFinder:
    """Sentences and cues of unparsed docs, from the actor tables and the predicate lexicon."""

    def __init__(
        self, knowledge: ActorKnowledge, predicates: Predicates, lemmas: LemmaGuesser
    ) -> None:
        self.knowledge = knowledge
        self.predicates = predicates
        self.lemmas = lemmas
        self.vocabulary = predicates.vocabulary
        self.name_prefixes = _prefixes(knowledge.names.forms)
        self.term_prefixes = _prefixes(k for k in knowledge.terms.terms if len(k) <= MAX_TERM_WORDS)
        self.words: dict[int, Word] = {}

    def sentences(self, doc: Doc) -> list[Sentence]:
        """The doc's sentences by rule, each with its cues and event words."""
        orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist() if len(doc) else ([], [])
        words = self.lookup(doc.vocab, orths)
        return [self.sentence(words, start, end) for start, end in split(words, spaces)]

    def lookup(self, vocab: Vocab, orths: Iterable[int]) -> list[Word]:
        cache = self.words
        found = []
        for orth in orths:
            word = cache.get(orth)
            if word is None:
                word = cache[orth] = self.describe(vocab, orth)
            found.append(word)
        return found

    def describe(self, vocab: Vocab, orth: int) -> Word:
        text = vocab.strings[orth]
        lexeme = vocab[orth]
        lower = text.lower()
        key, stemmed = norm(text), stem(text)
        lemmas = frozenset(self.lemmas(lower) & self.vocabulary)
        alone, needs = self.predicates.of(lemmas)
        return Word(
            text=text,
            key=key,
            stem=stemmed,
            capital=text[:1].isupper() and text.replace(".", "").replace("-", "").isalpha(),
            space=lexeme.is_space,
            newline="\n" in text,
            punct=lexeme.is_punct or text in SENTENCE_ENDS,
            opening=lexeme.is_left_punct and not lexeme.is_right_punct,
            either=lexeme.is_left_punct and lexeme.is_right_punct,
            period=text in SENTENCE_ENDS,
            abbreviation=key in ABBREVIATIONS,
            stop=lexeme.is_stop,
            common=self.lemmas.known(lower),
            pronoun=lower in PRONOUNS,
            plural_name=self._plural_name(text),
            name_start=(key,) in self.name_prefixes,
            term_start=(stemmed,) in self.term_prefixes,
            lemmas=lemmas,
            alone=alone,
            needs=needs,
        )

    def _plural_name(self, text: str) -> bool:
        """A plural demonym the tables know in the singular ("Libyans")."""
        if len(text) < 5 or not text.endswith("s") or not text[:1].isupper():
            return False
        entries = self.knowledge.names.lookup([text[:-1]])
        return any(e.kind == "adjective" for e in entries)

    def sentence(self, words: Sequence[Word], start: int, end: int) -> Sentence:
        cues: list[Cue] = []
        i = start
        while i < end:
            word = words[i]
            cue = None
            if word.name_start or word.plural_name:
                cue = self._name(words, i, end)
            if cue is None and word.term_start:
                cue = self._term(words, start, i, end)
            if cue is None and (word.pronoun or word.capital):
                cue = self._other(words, i, end)
            if cue is None:
                i += 1
                continue
            cues.append(cue)
            i = cue.end
        predicates = Predicates.found(words[start:end])
        return Sentence(start, end, tuple(cues), tuple(start + i for i in predicates))

    def _name(self, words: Sequence[Word], i: int, end: int) -> Cue | None:
        if words[i].plural_name:
            return Cue(NAME, i, i + 1, key=words[i].key)
        best = None
        key: tuple[str, ...] = ()
        for j in range(i, end):
            key = (*key, words[j].key)
            if key not in self.name_prefixes:
                break
            if key in self.knowledge.names.forms:
                best = j + 1
        if best is None:
            return None
        entries = self.knowledge.names.lookup([w.text for w in words[i:best]])
        if not entries:
            return None
        person = any(e.kind == "person" for e in entries)
        return Cue(NAME, i, best, person=person, key=words[best - 1].key)

    def _term(self, words: Sequence[Word], start: int, i: int, end: int) -> Cue | None:
        best = None
        key: tuple[str, ...] = ()
        for j in range(i, min(end, i + MAX_TERM_WORDS)):
            key = (*key, words[j].stem)
            if key not in self.term_prefixes:
                break
            term = self.knowledge.terms.terms.get(key)
            if term is not None and (term.head or term.is_role or term.ngo):
                best = j + 1
        if best is None:
            return None
        definite = any(w.key in DEFINITE for w in words[max(start, i - DEFINITE_REACH) : i])
        return Cue(ROLE, i, best, key=words[best - 1].stem, definite=definite)

    def _other(self, words: Sequence[Word], i: int, end: int) -> Cue | None:
        """A pronoun, or a run of capitalised words that the tables do not know (up to a word
        that starts a known name). At the start of a sentence, a function word is no name, and
        neither is an ordinary word on its own ("Earlier", but "Jack Letts" and "Letts")."""
        word = words[i]
        if word.pronoun:
            return Cue(PRONOUN, i, i + 1, key=word.key)
        if not word.capital or word.stop:
            return None
        j = i + 1
        while j < end and words[j].capital and (words[j].key,) not in self.name_prefixes:
            j += 1
        if j == i + 1 and word.common and _sentence_initial(words, i):
            return None
        return Cue(CAPS, i, j, person=True, key=words[j - 1].key)


def _sentence_initial(words: Sequence[Word], i: int) -> bool:
    """Capitalised because it starts a sentence (or a quote) rather than a name."""
    k = i - 1
    while k >= 0 and (words[k].punct and not words[k].period):
        k -= 1
    return k < 0 or words[k].period or words[k].space


def split(words: Sequence[Word], spaces: Sequence[int]) -> list[tuple[int, int]]:
    """Token ranges of sentences: spaCy's sentencizer rule (a new sentence at the first word after
    sentence-final punctuation and its closing marks), except that an opening quote or bracket
    starts the next sentence and a title's full stop ends nothing ("Lt. Gen."), plus a break after
    every line break. Whitespace tokens stay with the sentence before them. ``spaces``: whether
    each token is followed by a space."""
    ranges: list[tuple[int, int]] = []
    start, seen_end, after_newline = 0, False, False
    for i, word in enumerate(words):
        if word.space:
            after_newline = after_newline or word.newline
            continue
        opens = word.opening or (word.either and i > 0 and bool(spaces[i - 1]))
        if i > start and (after_newline or (seen_end and (opens or not word.punct))):
            ranges.append((start, i))
            start, seen_end = i, False
        after_newline = False
        title = i > 0 and words[i - 1].abbreviation and not spaces[i - 1]
        seen_end = seen_end or (word.period and not title)
    if start < len(words):
        ranges.append((start, len(words)))
    return ranges


def _prefixes(keys: Iterable[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    return frozenset(key[:n] for key in keys for n in range(1, len(key) + 1))
