from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from detente.ingest import ReadOptions, read_paths
from detente.ingest.html import extract_page, looks_like_html, markup_text
from detente.records import Article, Skipped

PAGE = Path(__file__).parent / "data" / "river_pact.html"
NOT_IN_ARTICLE = (
    "cookies", "Home", "Sport", "Related stories", "Germany condemns Hungary",
    "Austria recalls", "Leave a comment", "Slovakia should sanction", "Tap to install",
    "headlines faster", "All rights reserved", "tracking",
)  # fmt: skip


def only(items: list[Article | Skipped]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_saved_page_gives_body_and_metadata(options: ReadOptions, offline: None) -> None:
    article = only(list(read_paths([PAGE], options=options)))
    assert article.text.startswith("The Czech government signed an agreement with Poland")
    assert article.text.endswith("would raise their costs.")
    assert article.text.count("\n\n") == 2  # three paragraphs
    for furniture in NOT_IN_ARTICLE:
        assert furniture not in article.text, furniture
    assert article.title == "Czech and Polish ministers sign Oder river pact"
    assert article.author == "Marta Kowalczyk"
    assert article.published == date(2022, 5, 17)
    assert article.source == "The Valley Courier"
    assert article.url == "https://courier.example/world/river-pact"
    assert article.language == "en"
    assert options.stats.html_extracted == 1
    assert options.stats.boilerplate_lines == 2  # the app prompt trafilatura keeps


def test_extension_less_page_is_sniffed(tmp_path: Path, options: ReadOptions) -> None:
    saved = tmp_path / "download"
    saved.write_bytes(PAGE.read_bytes())
    assert only(list(read_paths([saved], options=options))).source == "The Valley Courier"


def test_html_laden_text_file_is_cleaned(tmp_path: Path, options: ReadOptions) -> None:
    laden = tmp_path / "story.txt"
    laden.write_text(
        "<div class='share'><button>Share</button></div><p>Bolivia and Paraguay agreed on "
        "Wednesday to build a gas pipeline across the Chaco, the two governments said.</p>"
        "<p>Work is due to start in &amp; around the border town of Infante Rivarola next year."
        "</p><script>var x = 1;</script>"
    )
    article = only(list(read_paths([laden], options=options)))
    assert "<" not in article.text and "var x" not in article.text
    assert "in & around" in article.text
    assert article.text.startswith("Bolivia and Paraguay agreed")


def test_html_laden_jsonl_field_is_cleaned(tmp_path: Path, options: ReadOptions) -> None:
    records = tmp_path / "feed.jsonl"
    text = (
        "<p>Vietnam protested to China on Friday over a survey ship near the Spratly "
        "Islands.</p><br><p>Hanoi summoned the Chinese ambassador, state media said.</p>"
    )
    records.write_text(json.dumps({"text": text, "title": "Hanoi protests"}) + "\n")
    article = only(list(read_paths([records], options=options)))
    assert article.text == (
        "Vietnam protested to China on Friday over a survey ship near the Spratly Islands."
        "\n\nHanoi summoned the Chinese ambassador, state media said."
    )
    assert article.title == "Hanoi protests"


def test_markup_with_no_text_is_reported(tmp_path: Path, options: ReadOptions) -> None:
    records = tmp_path / "bad.jsonl"
    records.write_text(json.dumps({"text": "<div><script>track()</script><br/></div>"}) + "\n")
    (item,) = read_paths([records], options=options)
    assert isinstance(item, Skipped)
    assert (item.origin, item.reason) == (f"{records}:1", "empty")
    assert "HTML" in item.message


def test_page_without_article_is_reported(tmp_path: Path, options: ReadOptions) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (item,) = read_paths([page], options=options)
    assert isinstance(item, Skipped) and item.reason == "empty"


@pytest.mark.parametrize(
    ("text", "laden"),
    [
        ("<p>Text</p>", True),
        ("A &amp; B &quot;C&quot;", True),
        ("Inflation was < 3% and growth > 2%, the bank said.", False),
        ("Talks on <Kashmir> resumed.", False),
        ("AT&T said profits rose.", False),
    ],
)
def test_looks_like_html(text: str, laden: bool) -> None:
    assert looks_like_html(text) is laden


def test_markup_text_of_fragment_keeps_paragraphs() -> None:
    assert markup_text("<ul><li>One</li><li>Two</li></ul>") == "One\n\nTwo"


def test_extraction_never_fetches(offline: None) -> None:
    page = extract_page(PAGE.read_bytes(), url="https://courier.example/world/river-pact")
    assert page.text.startswith("The Czech government")
