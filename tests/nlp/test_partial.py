"""Parsing part of a doc: the stretches, flat trees for the rest, and annotations that are those
of the whole doc."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, POS, TAG

from detente.nlp.partial import PAD, PARSE_ATTRS, _segments, flat_trees

TEXT = (
    "Fiji and Tonga signed a fishing accord in Suva on Monday.\n\n"
    "Rain fell on the harbour all morning, and the ferries were late.\n\n"
    "Prime Minister Sione Vake of Tonga said he would visit Fiji in June. "
    "The market sold bread and fish.\n\n"
    "Samoa welcomed the accord and called for a regional summit."
)


def test_stretches_get_padding_that_never_overlaps_a_kept_stretch() -> None:
    assert PAD == 4
    assert _segments([(5, 10), (20, 30)], 40) == [
        (1, 5, False),
        (5, 10, True),
        (10, 14, False),
        (16, 20, False),
        (20, 30, True),
        (30, 34, False),
    ]
    assert _segments([(0, 10), (13, 20)], 21) == [
        (0, 10, True),
        (10, 13, False),
        (13, 20, True),
        (20, 21, False),
    ]


def test_flat_trees_make_one_sentence_each() -> None:
    doc = spacy.blank("en")("one two three four five six")
    values = np.zeros((len(doc), len(PARSE_ATTRS)), dtype="uint64")
    flat_trees(doc, values, [(0, 3), (3, 6)], {a: n for n, a in enumerate(PARSE_ATTRS)})
    doc.from_array(list(PARSE_ATTRS), values)
    assert [s.text for s in doc.sents] == ["one two three", "four five six"]
    assert [t.dep_ for t in doc] == ["ROOT", "dep", "dep", "ROOT", "dep", "dep"]


@pytest.mark.model
def test_kept_sentences_are_annotated_as_in_the_whole_doc() -> None:
    from detente.nlp import load_nlp

    whole = load_nlp(events=False, select=False)
    partial = load_nlp(events=False, select=True)
    full = whole(whole.make_doc(TEXT))
    doc = partial.get_pipe("detente_select")(partial.make_doc(TEXT))
    selection = doc._.selection
    kept = tuple(n in (0, 2) for n in range(len(selection.sentences)))
    doc._.selection = selection.replace(kept=kept)
    doc = partial.get_pipe("detente_ner")(partial.get_pipe("detente_parse")(doc))
    attrs = [TAG, POS, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    for sentence, keep in zip(selection.sentences, kept, strict=True):
        piece = doc[sentence.start : sentence.end]
        if keep:
            expected = full[sentence.start : sentence.end].as_doc().to_array(attrs)
            assert (piece.as_doc().to_array(attrs) == expected).all(), piece.text
        else:
            assert [s.text for s in piece.sents] == [piece.text]
            assert all(t.pos_ == "" and t.ent_type_ == "" for t in piece)
    assert doc.text == TEXT
