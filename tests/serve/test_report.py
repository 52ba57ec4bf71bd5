"""The HTML report: built from a hand-made store, self-contained, with its turning point."""

from __future__ import annotations

import re
from datetime import date

from detente.serve import chart
from detente.serve.report import build_report, render_html
from detente.store import Store


def test_report_content(turning_store: Store) -> None:
    report = build_report(turning_store.con, "usa", "rus")
    assert report.series.freq == "month"
    assert [t.period for t in report.turns] == [date(2021, 7, 1)]
    assert report.raw_events == 30
    assert sum(p.events for p in report.series.points) == 24
    assert report.top_events[0].cameo == "057"
    codes = {a.code: (a.sent, a.received) for a in report.actors}
    assert codes == {"USAGOV": (12, 12), "RUSGOV": (12, 12)}


def test_page_is_self_contained(turning_store: Store) -> None:
    report = build_report(turning_store.con, "USA", "RUS")
    page = render_html(report, chart.svg_text(chart.figure(report.series, report.segments,
                                                           report.turns)))  # fmt: skip
    assert page.count("<svg") == 1
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(http" not in page
    assert 'id="turn-1"' in page
    assert "USA did 163 to RUS (sentence 0)." in page


def test_chart_files(turning_store: Store, tmp_path: object) -> None:
    from pathlib import Path

    out = Path(str(tmp_path))
    report = build_report(turning_store.con, "USA", "RUS")
    fig = chart.figure(report.series, report.segments, report.turns)
    png = chart.save(fig, out / "chart.png")
    svg = chart.save(fig, out / "chart.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert svg.read_text().lstrip().startswith("<?xml")
