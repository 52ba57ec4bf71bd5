"""Ingest fixtures: one language model per session, fresh options (and counts) per test."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from detente.ingest import ReadOptions
from detente.ingest.boilerplate import BoilerplateRules
from detente.ingest.language import LanguageGuard


@pytest.fixture(scope="session")
def guard() -> LanguageGuard:
    return LanguageGuard()


@pytest.fixture(scope="session")
def rules() -> BoilerplateRules:
    return BoilerplateRules.load()


@pytest.fixture
def options(guard: LanguageGuard, rules: BoilerplateRules) -> ReadOptions:
    return ReadOptions(language=guard, boilerplate=rules)


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open a network connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield
