"""The relation chart: mean Goldstein per period with its segments and turning points marked,
above the cooperation and conflict counts. Drawn with matplotlib's Agg backend (no display)."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from detente.series.dyad import DyadSeries
from detente.series.turning import Segment, TurningPoint

COOPERATION = "#2e7d32"
CONFLICT = "#c62828"
LINE = "#1f3b73"
TURN = "#ef6c00"


def figure(series: DyadSeries, parts: list[Segment], turns: list[TurningPoint]) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 5.6), dpi=110, layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[3, 2])
    _goldstein_panel(top, series, parts, turns)
    _count_panel(bottom, series)
    fig.suptitle(f"{series.label}: relation by {series.freq}", fontsize=13, x=0.01, ha="left")
    return fig


def _middle(start: date, end: date) -> date:
    return start + (end - start) / 2


def _goldstein_panel(
    ax: Any, series: DyadSeries, parts: list[Segment], turns: list[TurningPoint]
) -> None:
    shown = [p for p in series.points if p.events]
    ax.axhline(0, color="#999999", linewidth=0.8)
    middles = [_middle(p.period, p.end) for p in shown]
    ax.plot(middles, [p.goldstein_mean for p in shown], marker="o", color=LINE, linewidth=1.4,
            markersize=4, label="mean Goldstein")  # fmt: skip
    for part in parts:
        ax.hlines(part.mean, part.start, part.end + timedelta(days=1), colors=TURN,
                  linestyles="-", linewidth=2.2, alpha=0.6)  # fmt: skip
    for number, turn in enumerate(turns, start=1):
        ax.axvline(turn.period, color=TURN, linestyle="--", linewidth=1.5)
        label = f"{number}: {turn.period:%Y-%m-%d}"
        ax.annotate(label, (turn.period, 9.2), color=TURN, fontsize=9, ha="left", va="top",
                    xytext=(3, 0), textcoords="offset points")  # fmt: skip
    ax.set_ylim(-10.5, 10.5)
    ax.set_ylabel("Goldstein (−10 … +10)")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="lower left", fontsize=8, frameon=False)


def _count_panel(ax: Any, series: DyadSeries) -> None:
    starts = [p.period for p in series.points]
    widths = [(p.end - p.period).days * 0.8 + 0.8 for p in series.points]
    ax.bar(starts, [p.cooperation for p in series.points], width=widths, align="edge",
           color=COOPERATION, label="cooperation")  # fmt: skip
    ax.bar(starts, [-p.conflict for p in series.points], width=widths, align="edge",
           color=CONFLICT, label="conflict")  # fmt: skip
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.set_ylabel("events (conflict below)")
    ax.yaxis.set_major_formatter(lambda value, _: f"{abs(value):g}")
    ax.legend(loc="lower left", fontsize=8, frameon=False)
    ax.grid(axis="y", alpha=0.3)


def svg_text(fig: Any) -> str:
    """The chart as an SVG document (glyphs as paths, so it needs no fonts)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def save(fig: Any, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format=path.suffix.lstrip(".").lower() or "png")
    return path
