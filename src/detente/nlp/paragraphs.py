"""A component that starts a new sentence after a line break: headlines, bylines and
paragraphs never run into one another."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("detente_paragraphs", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            following = doc[token.i + 1]
            if not following.is_space:
                following.is_sent_start = True
    return doc
