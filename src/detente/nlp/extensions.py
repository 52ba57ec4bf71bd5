"""Custom attributes detente's components read and write on spaCy objects."""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = ("article_id", "published", "mentions", "events", "selection")


def register() -> None:
    """Register the ``Doc._`` attributes (idempotent), and their msgpack form."""
    from detente.nlp import serialize

    serialize.register()
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
