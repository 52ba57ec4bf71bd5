"""Shared fixtures: the spaCy model is loaded once per session, and only by tests that ask."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from detente.settings import SPACY_MODEL

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def bare_nlp() -> Language:
    """The English model without detente's components."""
    return spacy.load(SPACY_MODEL)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED
