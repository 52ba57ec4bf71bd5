"""Offline language identification with py3langid (its model ships inside the package).

Only a confident call on enough text rejects an article: English news full of foreign names
can look odd to a character n-gram model, so short or unsure texts are let through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from detente.errors import NotEnglish

_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass
class LanguageGuard:
    """Names an article's language and rejects confident non-English ones.

    The model (~3 s to load) is loaded on first use, once per guard.
    """

    min_words: int = 8
    min_confidence: float = 0.9
    # English-based creoles the model confuses with English news full of names: never refused.
    lenient: frozenset[str] = frozenset({"pcm"})
    sample_chars: int = 20_000
    _identifier: Any = field(default=None, init=False, repr=False)

    def identify(self, text: str) -> tuple[str, float] | None:
        """(language code, probability), or None when there are too few words to tell."""
        sample = text[: self.sample_chars]
        if len(_WORD.findall(sample)) < self.min_words:
            return None
        label, probability = self._model().classify(sample)
        return str(label), float(probability)

    def check(self, text: str, *, origin: str = "") -> str | None:
        """The language of ``text`` ("en", or None when unsure); raise ``NotEnglish``."""
        found = self.identify(text)
        if found is None:
            return None
        label, probability = found
        if label == "en":
            return "en"
        if probability >= self.min_confidence and label not in self.lenient:
            raise NotEnglish(f"text is in '{label}' ({probability:.0%} sure)", origin=origin)
        return None

    def _model(self) -> Any:
        if self._identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return self._identifier
