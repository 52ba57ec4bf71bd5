"""A component that starts a new sentence after a line break: headlines, bylines and
paragraphs never run into one another. A wire dateline ("OSLO, Norway (Agency) -- ...") is a
sentence of its own too: the city it names is where the story was filed, not who acted."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

_CAPS_WORD = r"[A-Z][A-Z.'’\-]*[A-Z.]"
_TITLE_WORD = r"[A-Z0-9][\w.'’\-]*"
DATELINE = re.compile(
    rf"(?:^|(?<=\n))[ \t]*{_CAPS_WORD}(?: {_CAPS_WORD})*"  # the city, in capitals
    rf"(?:, {_TITLE_WORD}(?: {_TITLE_WORD}){{0,3}}){{0,2}}"  # ", Norway", ", May 15"
    r"(?: ?\([A-Za-z .]{1,30}\))?"  # "(Agency)"
    r"(?: ?(?:--|—|–|:)| -)[ \t]*(?=[A-Z\"“‘'])"  # the dash or colon before the story
)


@Language.component("detente_paragraphs", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            following = doc[token.i + 1]
            if not following.is_space:
                following.is_sent_start = True
    for start in dateline_ends(doc.text):
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc


def dateline_ends(text: str) -> list[int]:
    """Where the story begins after each dateline of ``text`` (at its start or a line's)."""
    return [match.end() for match in DATELINE.finditer(text)]
