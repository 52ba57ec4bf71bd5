"""``detente_gate``: after the parse, only the sentences that can hold an event go on to NER.

Entity recognition costs more than the parse, and most parsed sentences hold no event. The gate
runs the event extractor on the parsed sentences with every cue of the cheap pass standing in for
an actor (each a different one, so no pair is dropped as "the same actor"); the extractor falls
back on plain noun phrases as it always does. A sentence is kept when that yields an event (or,
with the learned classifier installed, a candidate pair of two cues), plus the sentences
coreference looks back to from it (``select.with_context``). A parsed sentence shares its fate
with the other cheap-pass sentences it spans; the sentences dropped here become flat trees like
those never parsed.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from detente.events.extract import EventExtractor, MentionIndex
from detente.events.pairs import candidate_pairs
from detente.nlp.partial import _flatten, selection_of
from detente.nlp.select import Selection, with_context
from detente.records import Actor, Mention


class EventGate:
    """Narrows ``doc._.selection`` to the sentences where the extractor finds something."""

    def __init__(self, extractor: EventExtractor, *, pairs: bool = False) -> None:
        self.extractor = extractor
        self.pairs = pairs

    def __call__(self, doc: Doc) -> Doc:
        selection = selection_of(doc)
        if selection is None:
            return doc
        parsed = selection.parsed_flags
        starts = doc.to_array(IDX).tolist()
        hits = [_token_at(starts, char) for char in self._event_chars(doc, selection)]
        wanted = with_context(selection.sentences, _flag(selection, hits))
        kept = _whole_parses(doc, selection, wanted)
        dropped = [p and not k for p, k in zip(parsed, kept, strict=True)]
        if any(dropped):
            _flatten(doc, selection.ranges(dropped))
        still = [p and k for p, k in zip(parsed, kept, strict=True)]
        doc._.selection = selection.replace(kept=kept, parsed=still)
        return doc

    def _event_chars(self, doc: Doc, selection: Selection) -> Iterable[int]:
        """Character offsets of the triggers and actors the extractor finds with stand-ins."""
        flags = [k and p for k, p in zip(selection.kept, selection.parsed_flags, strict=True)]
        index = MentionIndex(doc, stand_ins(doc, selection, flags))
        for sentence in _parsed_sentences(doc, selection.ranges(flags)):
            for candidate in self.extractor.candidates(sentence):
                for event in self.extractor.events_of(doc, candidate, index):
                    yield from (event.trigger_start, event.source.start, event.target.start)
            if self.pairs:
                for pair in candidate_pairs(sentence, self.extractor.grammar, index.find_all):
                    yield from (pair.trigger.idx, pair.source.start, pair.target.start)


def stand_ins(doc: Doc, selection: Selection, flags: Sequence[bool]) -> list[Mention]:
    """One mention per cue of the flagged sentences, each its own actor (named by its kind)."""
    bounds = doc.to_array([IDX, LENGTH]).tolist()
    mentions: list[Mention] = []
    for sentence, flag in zip(selection.sentences, flags, strict=True):
        if not flag:
            continue
        for cue in sentence.cues:
            start = bounds[cue.start][0]
            end = sum(bounds[cue.end - 1])
            name = f"#{len(mentions)}"
            actor = Actor(name, name=name, method="cue")
            mentions.append(Mention(cue.kind, start, end, actor))
    return mentions


def _parsed_sentences(doc: Doc, ranges: Sequence[tuple[int, int]]) -> Iterator[Span]:
    """The parser's sentences within ``ranges`` (which start and end with sentences)."""
    starts = doc.to_array(SENT_START).tolist()
    for start, end in ranges:
        first = start
        for i in range(start + 1, end):
            if starts[i] == 1:
                yield doc[first:i]
                first = i
        yield doc[first:end]


def _token_at(starts: Sequence[int], char: int) -> int:
    return bisect.bisect_right(starts, char) - 1


def _flag(selection: Selection, tokens: Iterable[int]) -> list[bool]:
    """Which sentences hold one of ``tokens``."""
    begins = [s.start for s in selection.sentences]
    core = [False] * len(begins)
    for token in tokens:
        core[bisect.bisect_right(begins, token) - 1] = True
    return core


def _whole_parses(doc: Doc, selection: Selection, kept: Sequence[bool]) -> list[bool]:
    """Keep every parsed sentence that a kept sentence's parse runs into."""
    result = list(kept)
    parsed = selection.parsed_flags
    starts = doc.to_array(SENT_START).tolist()
    for j in range(1, len(result)):
        joined = starts[selection.sentences[j].start] != 1
        if joined and parsed[j] and parsed[j - 1] and (result[j] or result[j - 1]):
            result[j] = result[j - 1] = True
    for j in range(len(result) - 2, -1, -1):
        joined = starts[selection.sentences[j + 1].start] != 1
        if joined and parsed[j] and parsed[j + 1] and result[j + 1]:
            result[j] = True
    return result


@Language.factory("detente_gate", assigns=["doc._.selection"])
def make_gate(nlp: Language, name: str) -> EventGate:
    """Uses the extractor (and whether a learned classifier is on) of ``detente_events``."""
    events = nlp.get_pipe("detente_events")
    extractor: EventExtractor = events.extractor  # type: ignore[attr-defined]
    learned = getattr(events, "combiner", None) is not None
    return EventGate(extractor, pairs=learned)
