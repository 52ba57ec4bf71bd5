"""How ingest reads: limits, the language guard, the boilerplate table, and what it counted."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from detente.ingest.boilerplate import BoilerplateRules
from detente.ingest.language import LanguageGuard
from detente.settings import MAX_ARTICLE_CHARS

MAX_PAGE_BYTES = 20_000_000


@dataclass
class IngestStats:
    """What cleaning did over a run: pages extracted, boilerplate lines removed, by format."""

    html_extracted: int = 0
    boilerplate_lines: int = 0
    recoded: int = 0
    formats: Counter[str] = field(default_factory=Counter)


@dataclass
class ReadOptions:
    """Options of one read; pass the same one to several reads to share the loaded models.

    ``language=None`` codes every article whatever its language (no check, no detection).
    """

    max_chars: int = MAX_ARTICLE_CHARS
    max_page_bytes: int = MAX_PAGE_BYTES
    language: LanguageGuard | None = field(default_factory=LanguageGuard)
    boilerplate: BoilerplateRules = field(default_factory=BoilerplateRules.load)
    stats: IngestStats = field(default_factory=IngestStats)

    @property
    def max_text_bytes(self) -> int:
        """Bytes read from one text item before it is reported as too large (UTF-8: <= 4/char)."""
        return max(self.max_chars * 4, self.max_page_bytes)
