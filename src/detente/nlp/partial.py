"""``detente_parse`` and ``detente_ner``: the model's own components, on the selected sentences.

``load_nlp`` moves the model's components into two wrappers: ``detente_parse`` (tok2vec, tagger,
parser, attribute ruler, lemmatizer) and ``detente_ner``. Each runs its components on a doc made
of the kept sentences of ``doc._.selection`` only (see ``select.py``) and copies the annotations
back token by token (``to_array`` / ``from_array``), so every character offset is the article's
own. Each stretch of neighbouring kept sentences starts a new sentence, so the parser never joins
two stretches. A sentence that is not parsed becomes a flat tree: its first token is the root and
the others hang on it as ``dep``, with no tags, lemmas or entities, so later components find
nothing there while sentence numbers (which coreference counts) stay as they were. A doc without a
selection is processed as it is, like the plain model would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, ORTH, POS, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from detente.nlp.select import Selection

PARSE_ATTRS = (TAG, POS, MORPH, LEMMA, DEP, HEAD)
NER_ATTRS = (ENT_IOB, ENT_TYPE)
IOB_INSIDE, IOB_OUTSIDE, IOB_BEGIN = 1, 2, 3
SKIPPED_LABEL = "dep"
PAD = 4
BATCH_FACTOR = 4  # inner docs are a fraction of the article: batch more of them

Component = Callable[[Doc], Doc]


class PartialPipe:
    """Runs ``components`` (name, callable) in order on part of each doc and copies ``attrs``
    back. With the parse among ``attrs`` the part is the kept sentences not parsed yet (which are
    then marked parsed), else the kept sentences. A doc without a selection is processed whole,
    unless ``only_selected`` (a second parse pass has nothing to add there)."""

    def __init__(
        self,
        attrs: Sequence[int],
        components: Sequence[tuple[str, Component]] = (),
        *,
        only_selected: bool = False,
    ) -> None:
        self.attrs = list(attrs)
        self.components = list(components)
        self.only_selected = only_selected
        self.parses = HEAD in self.attrs

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 32) -> Iterator[Doc]:
        size = batch_size * BATCH_FACTOR
        for batch in minibatch(docs, size=size):
            yield from self._run(list(batch), size)

    def _run(self, docs: list[Doc], batch_size: int) -> Iterator[Doc]:
        plans = [self.plan(doc) for doc in docs]
        todo = [plan for plan in plans if plan is not None and len(plan.inner)]
        inner = [plan.inner for plan in todo]
        for _, component in self.components:
            pipe: Any = getattr(component, "pipe", None)
            if pipe is not None:
                inner = list(pipe(inner, batch_size=batch_size))
            else:
                inner = [component(part) for part in inner]
        parsed = dict(zip((id(plan) for plan in todo), inner, strict=True))
        for doc, plan in zip(docs, plans, strict=True):
            if plan is not None:
                plan.finish(parsed.get(id(plan)), self.attrs)
            yield doc

    def plan(self, doc: Doc) -> Plan | None:
        selection = selection_of(doc)
        if selection is None:
            return None if self.only_selected else Plan(doc, doc)
        flags = selection.to_parse if self.parses else selection.kept
        if all(flags):
            return Plan(doc, doc, selection, flags)
        return Plan.of(doc, selection, flags)


def selection_of(doc: Doc) -> Selection | None:
    """The doc's selection, or None when the whole doc is processed."""
    selection = doc._.selection if Doc.has_extension("selection") else None
    return selection if isinstance(selection, Selection) else None


@dataclass
class Plan:
    """How one doc is processed: ``inner`` is the doc itself, or a doc of the flagged stretches,
    each with up to ``PAD`` tokens of its neighbours on both sides (sentences of their own, so
    the token vectors of the flagged tokens are those of the whole doc); ``take`` holds the
    positions of the flagged tokens in ``inner``, in order; ``firsts`` those that begin a
    stretch."""

    doc: Doc
    inner: Doc
    selection: Selection | None = None
    flags: tuple[bool, ...] = ()
    take: np.ndarray | None = None
    firsts: np.ndarray | None = None

    @classmethod
    def of(cls, doc: Doc, selection: Selection, flags: Sequence[bool]) -> Plan:
        segments = _segments(selection.ranges(flags), len(doc))
        if not segments:
            empty = np.zeros(0, dtype="int64")
            return cls(doc, Doc(doc.vocab, words=[]), selection, tuple(flags), empty, empty)
        positions = np.concatenate([np.arange(a, b) for a, b, _ in segments])
        tokens = doc.to_array([ORTH, SPACY, NORM])[positions]
        starts = _segment_starts(segments)
        inner = Doc(
            doc.vocab,
            words=[doc.vocab.strings[orth] for orth in tokens[:, 0].tolist()],
            spaces=[bool(space) for space in tokens[:, 1].tolist()],
            sent_starts=[True if i in starts else None for i in range(len(positions))],
        )
        inner.from_array([NORM], np.ascontiguousarray(tokens[:, 2:3]))  # type: ignore[arg-type]
        kept = np.concatenate([np.full(b - a, keep) for a, b, keep in segments])
        firsts = [i for i in sorted(starts) if kept[i] and (i == 0 or not kept[i - 1])]
        take = np.flatnonzero(kept)
        return cls(doc, inner, selection, tuple(flags), take, np.array(firsts, dtype="int64"))

    def finish(self, part: Doc | None, attrs: Sequence[int]) -> None:
        """Copy ``part``'s annotations back (when it is not the doc itself) and, after a parse,
        record which sentences are parsed and give the others flat trees."""
        if self.selection is None:
            return
        parsed = self.selection.parsed_flags
        if HEAD in attrs:
            parsed = tuple(p or f for p, f in zip(parsed, self.flags, strict=True))
            self.doc._.selection = self.selection.replace(parsed=parsed)
        if part is not None and part is not self.doc:
            self.copy_back(part, attrs, parsed)
        elif part is None and HEAD in attrs:
            _flatten(self.doc, self.selection.unflagged(parsed))

    def copy_back(self, part: Doc, attrs: Sequence[int], parsed: Sequence[bool]) -> None:
        """Set ``attrs`` of the flagged tokens from ``part``; unparsed sentences get flat trees,
        tokens outside the flagged stretches no entity."""
        if self.selection is None or self.take is None:
            return
        doc = self.doc
        column = {attr: n for n, attr in enumerate(attrs)}
        if HEAD in column:
            values = doc.to_array(list(attrs)).astype("uint64")
            flat_trees(doc, values, self.selection.unflagged(parsed), column)
        else:
            values = np.zeros((len(doc), len(attrs)), dtype="uint64")
            values[:, column[ENT_IOB]] = IOB_OUTSIDE
        found = part.to_array(list(attrs))[self.take]
        if ENT_IOB in column and self.firsts is not None and len(self.take):
            first = np.searchsorted(self.take, self.firsts)
            inside = first[found[first, column[ENT_IOB]] == IOB_INSIDE]
            found[inside, column[ENT_IOB]] = IOB_BEGIN
        ranges = self.selection.ranges(self.flags)
        if ranges:
            values[np.concatenate([np.arange(a, b) for a, b in ranges])] = found
        doc.from_array(list(attrs), np.ascontiguousarray(values))  # type: ignore[arg-type]


def _segments(ranges: Sequence[tuple[int, int]], length: int) -> list[tuple[int, int, bool]]:
    """The kept ranges with up to ``PAD`` tokens of context on each side: (start, end, kept)."""
    segments: list[tuple[int, int, bool]] = []
    last = 0
    for start, end in ranges:
        pad_start = max(last, start - PAD)
        if segments and not segments[-1][2] and segments[-1][1] >= pad_start:
            pad_start = segments[-1][0]
            segments.pop()
        if pad_start < start:
            segments.append((pad_start, start, False))
        segments.append((start, end, True))
        pad_end = min(length, end + PAD)
        if end < pad_end:
            segments.append((end, pad_end, False))
        last = pad_end
    return segments


def _segment_starts(segments: Sequence[tuple[int, int, bool]]) -> set[int]:
    starts, offset = set(), 0
    for start, end, _ in segments:
        starts.add(offset)
        offset += end - start
    return starts


def _flatten(doc: Doc, sentences: Sequence[tuple[int, int]]) -> None:
    """Give ``sentences`` flat trees, leaving the rest of the parse as it is."""
    attrs = list(PARSE_ATTRS)
    values = doc.to_array(attrs).astype("uint64")
    flat_trees(doc, values, sentences, {attr: n for n, attr in enumerate(attrs)})
    doc.from_array(attrs, np.ascontiguousarray(values))  # type: ignore[arg-type]


def flat_trees(
    doc: Doc, values: np.ndarray, sentences: Sequence[tuple[int, int]], column: dict[int, int]
) -> None:
    """Write flat trees (first token the root) for ``sentences`` into ``values``."""
    root = doc.vocab.strings.add("ROOT")
    label = doc.vocab.strings.add(SKIPPED_LABEL)
    for start, end in sentences:
        values[start:end, [column[a] for a in column if a not in (DEP, HEAD)]] = 0
        values[start, column[DEP]] = root
        values[start, column[HEAD]] = 0
        values[start + 1 : end, column[DEP]] = label
        offsets = start - np.arange(start + 1, end, dtype="int64")
        values[start + 1 : end, column[HEAD]] = offsets.astype("uint64")


PARSE_ASSIGNS = ["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep",
                 "token.head", "token.is_sent_start", "doc.sents"]  # fmt: skip


@Language.factory("detente_parse", assigns=PARSE_ASSIGNS)
def make_partial_parse(nlp: Language, name: str) -> PartialPipe:
    """Empty; ``load_nlp`` moves the model's tagger, parser and lemmatizer into it."""
    return PartialPipe(PARSE_ATTRS)


@Language.factory("detente_parse_context", assigns=PARSE_ASSIGNS)
def make_context_parse(nlp: Language, name: str) -> PartialPipe:
    """The second parse pass, for the sentences coreference needs; shares ``detente_parse``'s
    components (``load_nlp`` hands them over)."""
    return PartialPipe(PARSE_ATTRS, only_selected=True)


@Language.factory("detente_ner", assigns=["token.ent_iob", "token.ent_type", "doc.ents"])
def make_partial_ner(nlp: Language, name: str) -> PartialPipe:
    """Empty; ``load_nlp`` moves the model's entity recognizer into it."""
    return PartialPipe(NER_ATTRS)
