from __future__ import annotations

from datetime import date

from detente.ingest import make_article


def test_header_line_gives_the_publication_date() -> None:
    text = "Ministers meet in Oslo\nPosted Mar 2, 2021 9:15 AM\nNorway hosted Chile's minister."
    assert make_article(text).published == date(2021, 3, 2)


def test_metadata_wins_over_the_text() -> None:
    text = "Posted Mar 2, 2021 9:15 AM\nNorway hosted Chile's minister."
    assert make_article(text, published="2021-03-05").published == date(2021, 3, 5)


def test_a_date_inside_the_story_is_not_a_publication_date() -> None:
    text = "Norway hosted Chile's minister on Sunday, March 7, 2021, officials said."
    assert make_article(text).published is None
