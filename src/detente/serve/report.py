"""``detente report``: one self-contained HTML page on how a dyad's relation moves, and why.

The page holds the relation chart (inline SVG, turning points marked), the turning points with
the events around them, the strongest events with their evidence sentences, the most active
actors and the series table. Its CSS is inline and it fetches nothing.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from importlib import resources
from string import Template

import duckdb

from detente.series.dyad import (
    DyadSeries,
    SeriesEvent,
    date_range,
    dyad_events,
    dyad_filter,
    dyad_series,
)
from detente.series.turning import Segment, TurningPoint, segments, turning_points


@dataclass(frozen=True, slots=True)
class ActorCount:
    """An actor (country and sector) of the dyad and how often it acted and was acted upon."""

    code: str
    name: str | None
    sent: int
    received: int
    goldstein_sent: float | None


@dataclass(frozen=True, slots=True)
class Report:
    series: DyadSeries
    segments: list[Segment]
    turns: list[TurningPoint]
    top_events: list[SeriesEvent]
    actors: list[ActorCount]
    raw_events: int


def auto_freq(con: duckdb.DuckDBPyConnection, a: str, b: str, *, directed: bool) -> str:
    """Quarters over more than three years, months over half a year, else weeks or days."""
    where, params = dyad_filter(a, b, directed=directed)
    row = con.execute(f"SELECT min(date), max(date) FROM events_dedup WHERE {where}", params)
    first, last = row.fetchone() or (None, None)
    if first is None:
        return "month"
    days = (last - first).days
    return (
        "quarter" if days > 3 * 365 else "month" if days > 180 else "week" if days > 30 else "day"
    )


def build_report(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    directed: bool = False,
    freq: str | None = None,
    since: date | None = None,
    until: date | None = None,
    top: int = 12,
) -> Report:
    a, b = a.upper(), b.upper()
    series = dyad_series(
        con, a, b, directed=directed, freq=freq or auto_freq(con, a, b, directed=directed),
        since=since, until=until,
    )  # fmt: skip
    top_events = dyad_events(
        con, a, b, directed=directed, since=since, until=until, order="weight", limit=top
    )
    return Report(
        series, segments(series), turning_points(con, series), top_events,
        top_actors(con, a, b, directed=directed, since=since, until=until),
        raw_count(con, a, b, directed=directed, since=since, until=until),
    )  # fmt: skip


def top_actors(
    con: duckdb.DuckDBPyConnection, a: str, b: str, *, directed: bool,
    since: date | None, until: date | None, limit: int = 10,
) -> list[ActorCount]:  # fmt: skip
    where, params = dyad_filter(a, b, directed=directed)
    span, more = date_range(since, until)
    rows = con.execute(
        f"""
        WITH picked AS (SELECT * FROM events_dedup WHERE {where}{span}),
        sides AS (
            SELECT source_country || coalesce(source_sector, '') AS code,
                   coalesce(source_name, source_text) AS name, 1 AS sent, 0 AS received,
                   goldstein FROM picked
            UNION ALL
            SELECT target_country || coalesce(target_sector, ''),
                   coalesce(target_name, target_text), 0, 1, NULL FROM picked
        )
        SELECT code, mode(name), sum(sent)::INT, sum(received)::INT, round(avg(goldstein), 2)
        FROM sides GROUP BY code ORDER BY sum(sent) + sum(received) DESC, code LIMIT ?
        """,
        [*params, *more, limit],
    ).fetchall()
    return [ActorCount(*row) for row in rows]


def raw_count(
    con: duckdb.DuckDBPyConnection, a: str, b: str, *, directed: bool,
    since: date | None, until: date | None,
) -> int:  # fmt: skip
    """Events of the dyad as coded, before de-duplication."""
    span, more = date_range(since, until)
    pair = "source_country = ? AND target_country = ?"
    where = pair if directed else f"(({pair}) OR ({pair}))"
    params = [a, b] if directed else [a, b, b, a]
    row = con.execute(f"SELECT count(*) FROM events WHERE {where}{span}", [*params, *more])
    return int((row.fetchone() or (0,))[0])


# -- HTML -------------------------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _signed(value: float | None) -> str:
    return "–" if value is None else f"{value:+.2f}"


def event_rows(events: list[SeriesEvent]) -> str:
    rows = []
    for event in events:
        tone = "coop" if event.quad <= 2 else "conf"
        rows.append(
            f'<tr class="{tone}"><td>{_e(event.date)}</td>'
            f"<td>{_e(event.source_country)} {_e(event.source_sector or '')}</td>"
            f"<td><code>{_e(event.cameo)}</code> {_e(event.plover or '')}</td>"
            f"<td>{_e(event.target_country)} {_e(event.target_sector or '')}</td>"
            f'<td class="num">{event.goldstein:+.1f}</td><td class="num">{event.reports}</td>'
            f'<td class="evidence">{_e(event.sentence)}'
            f'<div class="meta">date rule: {_e(event.date_rule)} · article {_e(event.article_id)}'
            f"</div></td></tr>"
        )
    return "\n".join(rows)


def turn_items(turns: list[TurningPoint]) -> str:
    if not turns:
        return "<p>No turning point: the relation did not shift by more than the noise.</p>"
    items = []
    for number, turn in enumerate(turns, start=1):
        items.append(
            f'<section class="turn" id="turn-{number}"><h3>{number}. {turn.period:%d %B %Y}: '
            f"{turn.direction} ({turn.before:+.2f} → {turn.after:+.2f} mean Goldstein)</h3>"
            f"<table>{EVENT_HEAD}{event_rows(list(turn.events))}</table></section>"
        )
    return "\n".join(items)


def actor_rows(actors: list[ActorCount]) -> str:
    return "\n".join(
        f"<tr><td><code>{_e(x.code)}</code></td><td>{_e(x.name)}</td>"
        f'<td class="num">{x.sent}</td><td class="num">{x.received}</td>'
        f'<td class="num">{_signed(x.goldstein_sent)}</td></tr>'
        for x in actors
    )


def series_rows(series: DyadSeries) -> str:
    return "\n".join(
        f'<tr><td>{p.period}</td><td class="num">{p.events}</td>'
        f'<td class="num">{p.cooperation}</td><td class="num">{p.conflict}</td>'
        f'<td class="num">{_signed(p.goldstein_mean)}</td>'
        f'<td class="num">{p.goldstein_sum:+.1f}</td><td class="num">{_signed(p.index)}</td></tr>'
        for p in series.points
    )


EVENT_HEAD = (
    "<tr><th>date</th><th>source</th><th>event</th><th>target</th><th>Goldstein</th>"
    "<th>reports</th><th>evidence</th></tr>"
)


def render_html(report: Report, chart_svg: str) -> str:
    """The whole page; ``chart_svg`` is an inline SVG document."""
    series = report.series
    template = Template(resources.files("detente.serve").joinpath("report.html").read_text("utf-8"))
    dates = [p.period for p in series.points]
    events = sum(p.events for p in series.points)
    return template.substitute(
        title=_e(f"detente: {series.label} relations"),
        label=_e(series.label),
        span=_e(
            f"{dates[0]:%B %Y} – {series.points[-1].end:%B %Y}" if dates else "no dated events"
        ),
        events=events,
        raw=report.raw_events,
        freq=_e(series.freq),
        n_turns=len(report.turns),
        chart=chart_svg,
        turns=turn_items(report.turns),
        event_head=EVENT_HEAD,
        top_events=event_rows(report.top_events),
        actors=actor_rows(report.actors),
        series=series_rows(series),
    )
