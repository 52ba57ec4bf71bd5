"""The coding pipeline: articles in, events out (and optionally stored).

``Coder`` holds the loaded NLP pipeline; ``code_articles`` streams ``(article, events)`` pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language

from detente.ingest import make_article
from detente.nlp import load_nlp, make_docs
from detente.records import Article, Event
from detente.settings import Settings


@dataclass
class Coder:
    """Codes articles into events with one loaded spaCy pipeline."""

    settings: Settings = field(default_factory=Settings)
    nlp: Language | None = None

    def __post_init__(self) -> None:
        if self.nlp is None:
            self.nlp = load_nlp(
                self.settings.model,
                actors_file=self.settings.actors_file,
                select=self.settings.select_sentences,
                learned=self.settings.use_classifier,
            )

    @property
    def language(self) -> Language:
        if self.nlp is None:  # pragma: no cover - set in __post_init__
            raise RuntimeError("Coder has no pipeline")
        return self.nlp

    def code(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Events of each article, in input order."""
        pending: list[Article] = []

        def remember(items: Iterable[Article]) -> Iterator[Article]:
            for item in items:
                pending.append(item)
                yield item

        docs = self.language.pipe(
            make_docs(self.language, remember(articles)),
            batch_size=self.settings.batch_size,
            n_process=self.settings.workers,
        )
        for doc in docs:
            article = pending.pop(0)
            yield article, list(doc._.events or [])

    def code_text(
        self, text: str, *, published: str | date | None = None, title: str | None = None
    ) -> list[Event]:
        article = make_article(text, title=title, published=published, origin="<text>")
        return next(iter(self.code([article])))[1]
