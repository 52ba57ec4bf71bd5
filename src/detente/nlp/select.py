"""``detente_select``: which sentences of a doc deserve the full parse.

The cheap pass (``cues.py``) splits the doc into sentences by rule and finds its actor and event
cues. A sentence is kept for the parse when an event word has actor cues on both sides within
``window`` tokens, or two on one side ("Chile and Peru signed", "talks between Chile and Peru");
with the learned classifier on, any two actor cues will do. A doc with fewer than
``min_sentences`` sentences is processed whole.

After the parse, ``detente_gate`` narrows the selection to the sentences the event extractor
finds something in, and adds those coreference will look back to (``with_context``): for
"he"/"she" the earlier sentences back to one naming a known person (through other pronouns), for
"they" the sentence before, for a surname the sentence that first wrote the full name, for "the
minister" the last sentence with a minister.

``doc._.selection`` records all this; the sentences left out stay in the doc (tokenized, not
parsed), so character offsets never move.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from detente.actors.coref import PRONOUN_WINDOW, THEY_WINDOW
from detente.errors import ModelError
from detente.nlp.cues import (
    CAPS,
    NAME,
    PRONOUN,
    ROLE,
    Cue,
    CueFinder,
    LemmaGuesser,
    Predicates,
    Sentence,
)

WINDOW = 8
MIN_SENTENCES = 2


@dataclass(frozen=True, slots=True)
class Selection:
    """The sentences of the cheap pass, which of them are wanted (``kept``) and which have been
    parsed so far (``parsed``; empty: none)."""

    sentences: tuple[Sentence, ...]
    kept: tuple[bool, ...]
    parsed: tuple[bool, ...] = ()

    @property
    def parsed_flags(self) -> tuple[bool, ...]:
        return self.parsed or (False,) * len(self.sentences)

    @property
    def to_parse(self) -> tuple[bool, ...]:
        return tuple(k and not p for k, p in zip(self.kept, self.parsed_flags, strict=True))

    def ranges(self, flags: Sequence[bool]) -> list[tuple[int, int]]:
        """Token ranges of the flagged sentences, neighbours joined."""
        joined: list[tuple[int, int]] = []
        for sentence, flag in zip(self.sentences, flags, strict=True):
            if not flag:
                continue
            if joined and joined[-1][1] == sentence.start:
                joined[-1] = (joined[-1][0], sentence.end)
            else:
                joined.append((sentence.start, sentence.end))
        return joined

    def unflagged(self, flags: Sequence[bool]) -> list[tuple[int, int]]:
        """Token ranges of the other sentences, one by one."""
        return [(s.start, s.end) for s, flag in zip(self.sentences, flags, strict=True) if not flag]

    def replace(
        self, *, kept: Sequence[bool] | None = None, parsed: Sequence[bool] | None = None
    ) -> Selection:
        return Selection(
            self.sentences,
            self.kept if kept is None else tuple(kept),
            self.parsed if parsed is None else tuple(parsed),
        )


class SentenceSelector:
    """Sets ``doc._.selection`` from the cheap pass. ``any_predicate``: two actor cues are enough,
    whatever word joins them (the learned classifier names events the lexicon does not know)."""

    def __init__(
        self,
        finder: CueFinder,
        *,
        window: int = WINDOW,
        min_sentences: int = MIN_SENTENCES,
        any_predicate: bool = False,
    ) -> None:
        self.finder = finder
        self.window = window
        self.min_sentences = min_sentences
        self.any_predicate = any_predicate

    def __call__(self, doc: Doc) -> Doc:
        sentences = self.finder.sentences(doc)
        if len(sentences) < self.min_sentences:
            doc._.selection = None
            return doc
        if self.any_predicate:
            keep = tuple(len(s.cues) >= 2 for s in sentences)
        else:
            keep = tuple(holds_event(s, self.window) for s in sentences)
        doc._.selection = Selection(tuple(sentences), keep)
        return doc


def holds_event(sentence: Sentence, window: int) -> bool:
    """An event word with actor cues on both sides, or two on one side, within ``window``."""
    if len(sentence.cues) < 2:
        return False
    for trigger in sentence.triggers:
        before = sum(1 for c in sentence.cues if c.end <= trigger and trigger - c.end < window)
        after = sum(1 for c in sentence.cues if c.start > trigger and c.start - trigger <= window)
        if (before and after) or before >= 2 or after >= 2:
            return True
    return False


def with_context(sentences: Sequence[Sentence], keep: Sequence[bool]) -> list[bool]:
    """``keep`` plus the earlier sentences coreference looks back to from a kept sentence, and
    those they look back to in turn."""
    antecedents = Antecedents(sentences)
    kept = list(keep)
    queue = [n for n, k in enumerate(keep) if k]
    while queue:
        i = queue.pop()
        for cue in sentences[i].cues:
            for j in antecedents.of(i, cue):
                if not kept[j]:
                    kept[j] = True
                    queue.append(j)
    return kept


class Antecedents:
    """Where coreference may find the actor of a cue, by sentence (indexes built once a doc)."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.table_person = [any(c.person and c.kind == NAME for c in s.cues) for s in sentences]
        self.personal = [any(c.person or c.kind == PRONOUN for c in s.cues) for s in sentences]
        self.group = [any(c.kind in (NAME, ROLE) for c in s.cues) for s in sentences]
        self.full_names: dict[str, int] = {}
        self.roles: dict[str, list[int]] = {}
        for n, sentence in enumerate(sentences):
            for cue in sentence.cues:
                if cue.person and cue.end - cue.start > 1:
                    self.full_names.setdefault(cue.key, n)
                if cue.kind == ROLE and self.roles.get(cue.key, [-1])[-1] != n:
                    self.roles.setdefault(cue.key, []).append(n)

    def of(self, i: int, cue: Cue) -> list[int]:
        """The earlier sentences the actor of ``cue`` (in sentence ``i``) may come from."""
        if cue.kind == PRONOUN:
            return self.group_before(i) if cue.key == "they" else self.person_before(i)
        if cue.kind in (NAME, CAPS) and cue.person:
            first = self.full_names.get(cue.key)
            return [first] if first is not None and first < i else []
        if cue.kind == ROLE and cue.definite:
            earlier = self.roles.get(cue.key, [])
            n = bisect.bisect_left(earlier, i)
            return [earlier[n - 1]] if n else []
        return []

    def person_before(self, i: int) -> list[int]:
        """The sentences within reach of "he"/"she", back to the nearest one with a person of
        the tables: names the tables do not know may stay unresolved and are passed over, and
        another pronoun carries the actor it got from its own antecedents."""
        found: list[int] = []
        for j in range(i - 1, max(-1, i - PRONOUN_WINDOW - 1), -1):
            if self.table_person[j]:
                return [*found, j]
            if self.personal[j]:
                found.append(j)
        return found

    def group_before(self, i: int) -> list[int]:
        """ "They": the sentence before, when it names a group."""
        j = i - THEY_WINDOW
        return [j] if j >= 0 and self.group[j] else []


@Language.factory(
    "detente_select",
    default_config={"window": WINDOW, "min_sentences": MIN_SENTENCES},
    assigns=["doc._.selection"],
)
def make_selector(nlp: Language, name: str, window: int, min_sentences: int) -> SentenceSelector:
    """Uses the actor tables of the pipeline's ``detente_actors``, the lexicon of its
    ``detente_events`` (and whether its learned classifier is on) and the lemmatizer tables of
    its model (see ``load_nlp``)."""
    from detente.nlp import extensions

    extensions.register()
    events = nlp.get_pipe("detente_events") if "detente_events" in nlp.pipe_names else None
    learned = getattr(events, "combiner", None) is not None
    return SentenceSelector(
        _cue_finder(nlp), window=window, min_sentences=min_sentences, any_predicate=learned
    )


def _cue_finder(nlp: Language) -> CueFinder:
    """A ``CueFinder`` sharing the tables the pipeline has already loaded."""
    from detente.actors.knowledge import ActorKnowledge
    from detente.events.lexicon import Lexicon

    actors = nlp.get_pipe("detente_actors") if "detente_actors" in nlp.pipe_names else None
    knowledge = getattr(actors, "knowledge", None) or ActorKnowledge.load()
    events = nlp.get_pipe("detente_events") if "detente_events" in nlp.pipe_names else None
    lexicon = getattr(getattr(events, "extractor", None), "lexicon", None) or Lexicon.load()
    return CueFinder(knowledge, Predicates.from_lexicon(lexicon), _lemmas(nlp))


def _lemmas(nlp: Language) -> LemmaGuesser:
    """The guesser from the model's rule lemmatizer, wherever the pipeline keeps it."""
    components = list(nlp.pipeline)
    for _, component in nlp.pipeline:
        components += getattr(component, "components", [])
    for name, proc in components:
        if name == "lemmatizer" and hasattr(proc, "lookups"):
            return LemmaGuesser.from_lookups(proc.lookups)
    raise ModelError("detente_select needs the model's rule lemmatizer in the pipeline")
