"""detente's one error vocabulary.

DetenteError                 every error detente raises on purpose
├── InputError               an input item cannot be read; the batch goes on without it
│   ├── EmptyInput           nothing to code (empty or whitespace only)
│   ├── BinaryInput          bytes that are not text
│   ├── EncodingError        text that is not valid UTF-8
│   ├── TooLarge             over the size limit for one article
│   ├── MalformedRecord      a JSONL/CSV line that cannot be parsed or lacks ``text``
│   └── NotEnglish           text in another language
├── ModelError               the spaCy model (or another packaged model) is missing
├── StoreError               the database cannot be opened or migrated
├── GoldFormatError          an evaluation file that is not in a known gold format
└── ConfigError              a data file (lexicon, actor table) is invalid
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base class of detente's errors."""


class InputError(DetenteError):
    """An input item cannot be coded; it is reported and skipped."""

    reason = "unreadable"

    def __init__(self, message: str, *, origin: str = "") -> None:
        super().__init__(message)
        self.origin = origin


class EmptyInput(InputError):
    reason = "empty"


class BinaryInput(InputError):
    reason = "binary"


class EncodingError(InputError):
    reason = "not-utf8"


class TooLarge(InputError):
    reason = "too-large"


class MalformedRecord(InputError):
    reason = "malformed"


class NotEnglish(InputError):
    reason = "not-english"


class ModelError(DetenteError):
    """A required model is not installed."""


class StoreError(DetenteError):
    """The store cannot be opened, read or migrated."""


class GoldFormatError(DetenteError):
    """An evaluation file is not in a format detente reads."""


class ConfigError(DetenteError):
    """A data file shipped with detente or given by the user is invalid."""
