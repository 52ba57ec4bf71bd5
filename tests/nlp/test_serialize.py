from __future__ import annotations

from datetime import date

import pytest
import srsly

from detente.ingest import make_article
from detente.nlp import serialize
from detente.pipeline import Coder
from detente.settings import Settings
from tests.factories import article, event, mention


def test_records_survive_msgpack() -> None:
    serialize.register()
    art = article("Norway condemned Chile.", published="2021-03-01")
    coded = event(art, mention("Norway", 0, "NOR"), mention("Chile", 17, "CHL", "GOV"), "111")
    data = {"published": date(2021, 3, 1), "events": [coded], "plain": [1, "x"]}
    assert srsly.msgpack_loads(srsly.msgpack_dumps(data)) == data


@pytest.mark.model
def test_two_workers_give_the_events_of_one() -> None:
    texts = [f"Norway condemned Chile on Monday over case {n}." for n in range(4)]
    articles = [make_article(t, published="2021-03-01") for t in texts]
    one = [events for _, events in Coder(Settings(workers=1)).code(articles)]
    two = [events for _, events in Coder(Settings(workers=2)).code(articles)]
    assert two == one and all(one)
