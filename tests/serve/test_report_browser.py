"""The report page in real headless Chromium: it renders, fetches nothing, shows the chart."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from detente.serve import chart
from detente.serve.report import build_report, render_html
from detente.store import Store

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


@pytest.mark.browser
def test_report_in_chromium(turning_store: Store, tmp_path: Path) -> None:
    if shutil.which(CHROMIUM) is None:
        pytest.skip("Debian chromium is not installed")
    playwright = pytest.importorskip("playwright.sync_api")
    report = build_report(turning_store.con, "USA", "RUS")
    page_file = tmp_path / "report.html"
    fig = chart.figure(report.series, report.segments, report.turns)
    page_file.write_text(render_html(report, chart.svg_text(fig)), encoding="utf-8")
    requests: list[str] = []
    errors: list[str] = []
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda message: errors.append(message.text)
                if message.type == "error" else None)  # fmt: skip
        page.goto(page_file.as_uri())
        box = page.locator("#chart svg").bounding_box()
        turns = page.locator("#n-turns").inner_text()
        heading = page.locator("#turn-1 h3").inner_text()
        rows = page.locator("#top-events tr").count()
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        browser.close()
    assert [url for url in requests if not url.startswith("file://")] == []
    assert errors == []
    assert box is not None and box["width"] > 600 and box["height"] > 300
    assert turns == "1"
    assert "1 July 2021" in heading and "colder" in heading
    assert rows == 13
