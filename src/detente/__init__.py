"""detente: political event data from raw news, offline.

    >>> import detente
    >>> events = detente.code_text("Russia expelled two US diplomats.", published="2017-09-13")

Heavy imports (spaCy, the model) happen on first use, never at import time.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from detente.records import Actor, Article, Event, Mention, Skipped

if TYPE_CHECKING:
    from detente.events.classify import Classification
    from detente.pipeline import Coder

__all__ = [
    "Actor",
    "Article",
    "Event",
    "Mention",
    "Skipped",
    "classify",
    "code_text",
    "default_coder",
]
__version__ = "0.1.0"


@cache
def default_coder() -> Coder:
    """One shared ``Coder`` with default settings, loaded on first use."""
    from detente.pipeline import Coder

    return Coder()


def code_text(
    text: str, *, published: str | date | None = None, title: str | None = None
) -> list[Event]:
    """Code one article's text into events."""
    return default_coder().code_text(text, published=published, title=title)


def classify(sentence: str, *, source: tuple[int, int], target: tuple[int, int]) -> Classification:
    """The event between two given spans of a sentence (character offsets, half-open)."""
    from detente.events.classify import classify_pair

    return classify_pair(default_coder(), sentence, source=source, target=target)
