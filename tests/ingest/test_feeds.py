from __future__ import annotations

from datetime import date
from pathlib import Path

from detente.ingest import ReadOptions, read_paths
from detente.ingest.feeds import parse_feed
from detente.records import Article, Skipped
from tests.ingest.feeds_data import FRENCH_ITEM, ITEMS, atom, rss


def test_rss_file(tmp_path: Path, options: ReadOptions, offline: None) -> None:
    path = tmp_path / "region.rss"
    path.write_bytes(rss([*ITEMS, FRENCH_ITEM], link_base="https://steppe.example"))
    items = list(read_paths([path], options=options))
    articles = [item for item in items if isinstance(item, Article)]
    assert [a.title for a in articles] == [title for _, title, _, _ in ITEMS]
    first = articles[0]
    assert first.text == ITEMS[0][2]  # the summary, its <p> markup removed
    assert first.published == date(2023, 6, 8)
    assert first.author == "Aigerim Sadykova"
    assert first.source == "Steppe Wire: Region"
    assert first.url == "https://steppe.example/kz-1.html"
    assert first.origin == f"{path}#1"
    (skipped,) = [item for item in items if isinstance(item, Skipped)]
    assert (skipped.origin, skipped.reason) == (f"{path}#3", "not-english")


def test_atom_file_without_extension(tmp_path: Path, options: ReadOptions) -> None:
    path = tmp_path / "atomfeed"
    path.write_bytes(atom(ITEMS))
    articles = list(read_paths([path], options=options))
    assert all(isinstance(a, Article) for a in articles)
    assert [a.published for a in articles if isinstance(a, Article)] == [
        date(2023, 6, 1),
        date(2023, 6, 2),
    ]
    assert {a.author for a in articles if isinstance(a, Article)} == {"Daniyar Bekov"}


def test_item_keys_are_stable() -> None:
    first = parse_feed(rss(ITEMS), origin="x")
    again = parse_feed(rss(list(reversed(ITEMS))), origin="x")
    assert [item.key for item in first] == ["kz-1", "ge-2"]
    assert {item.key for item in again} == {"kz-1", "ge-2"}


def test_xml_that_is_not_a_feed(tmp_path: Path, options: ReadOptions) -> None:
    path = tmp_path / "data.xml"
    path.write_text('<?xml version="1.0"?><inventory><box id="1"/></inventory>')
    items = list(read_paths([path], options=options))
    assert len(items) == 1 and isinstance(items[0], Skipped)
