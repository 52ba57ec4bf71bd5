"""Let detente's records travel inside ``Doc._`` between spaCy worker processes.

``nlp.pipe(n_process=2)`` sends Docs back as msgpack; dates and detente's records are not
msgpack types, so they are wrapped as pickles (the bytes only ever pass between detente's own
processes).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import date
from typing import Any

import srsly

KEY = "__detente__"
Chain = Callable[[Any], Any] | None


def encode(obj: Any, chain: Chain = None) -> Any:
    if isinstance(obj, date) or type(obj).__module__.startswith("detente."):
        return {KEY: pickle.dumps(obj)}
    return obj if chain is None else chain(obj)


def decode(obj: Any, chain: Chain = None) -> Any:
    if isinstance(obj, dict) and KEY in obj:
        return pickle.loads(obj[KEY])  # only ever written by detente's own workers
    return obj if chain is None else chain(obj)


def register() -> None:
    srsly.msgpack_encoders.register("detente", func=encode)
    srsly.msgpack_decoders.register("detente", func=decode)
