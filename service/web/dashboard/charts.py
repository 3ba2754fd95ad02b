"""Scores drawn as inline SVG: no script, no image request, readable without colour.

Each chart carries its numbers in words too (``aria-label`` and ``<title>``), so a screen
reader, or a tired eye, gets the same story as the line.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from markupsafe import Markup, escape

LOW, HIGH = 1, 5


def _y(score: float, top: float, height: float) -> float:
    return top + (HIGH - score) / (HIGH - LOW) * height


def sparkline(scores: list[int], width: int = 96, height: int = 28) -> Markup:
    """The last scores, oldest first, as a small line with the latest one marked."""
    if not scores:
        return Markup('<span class="muted">no scores yet</span>')
    words = f"Last {len(scores)} score{'s' if len(scores) != 1 else ''}, oldest first: {', '.join(map(str, scores))}"
    pad = 4
    step = (width - 2 * pad) / max(1, len(scores) - 1)
    points = [(pad + i * step if len(scores) > 1 else width / 2, _y(s, pad, height - 2 * pad)) for i, s in enumerate(scores)]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    last_x, last_y = points[-1]
    tone = "low" if scores[-1] <= 2 else "ok"
    return Markup(
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(words)}"><title>{escape(words)}</title>'
        f'<line class="spark-mid" x1="0" x2="{width}" y1="{_y(3, pad, height - 2 * pad):.1f}" y2="{_y(3, pad, height - 2 * pad):.1f}"/>'
        f'<polyline class="spark-line" points="{line}"/>'
        f'<circle class="spark-dot {tone}" cx="{last_x:.1f}" cy="{last_y:.1f}" r="3"/></svg>'
    )


def score_chart(points: list[tuple[datetime, int | None]], label_of, width: int = 960, height: int = 250) -> Markup:
    """Scores over time, drawn across the card's width, with a date under each week.

    A missed check-in (None) is a hollow mark in a lane of its own under the scores, labelled
    "missed", so it never reads as a score of 1. ``label_of(moment)`` writes a date the way
    the page shows dates.
    """
    answered = [(t, s) for t, s in points if s is not None]
    if not points:
        return Markup('<p class="muted">No check-ins yet.</p>')
    left, right, top = 64, 16, 12
    missed_lane, bottom = 30, 30  # the "missed" lane, then the week labels
    plot_w, plot_h = width - left - right, height - top - missed_lane - bottom
    start, end = points[0][0], points[-1][0]
    span = (end - start).total_seconds() or 1.0
    missed_y = top + plot_h + missed_lane * 0.6

    def x(moment: datetime) -> float:
        if len(points) == 1:
            return left + plot_w / 2
        return left + (moment - start).total_seconds() / span * plot_w

    words = f"{len(answered)} answered and {len(points) - len(answered)} missed check-ins from {label_of(start)} to {label_of(end)}"
    if answered:
        words += "; scores: " + ", ".join(str(s) for _, s in answered)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(words)}" '
        f'preserveAspectRatio="xMidYMid meet"><title>{escape(words)}</title>'
    ]
    for score in range(LOW, HIGH + 1):
        y = _y(score, top, plot_h)
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
                     f'<text class="axis" x="{left - 10}" y="{y + 5:.1f}" text-anchor="end">{score}</text>')
    separator = top + plot_h + missed_lane * 0.2
    parts.append(f'<line class="lane" x1="{left}" x2="{width - right}" y1="{separator:.1f}" y2="{separator:.1f}"/>'
                 f'<text class="axis" x="{left - 10}" y="{missed_y + 5:.1f}" text-anchor="end">missed</text>')
    for moment in _weeks(start, end, span):
        parts.append(f'<line class="week" x1="{x(moment):.1f}" x2="{x(moment):.1f}" y1="{top}" y2="{top + plot_h:.1f}"/>'
                     f'<text class="axis" x="{x(moment):.1f}" y="{height - 8}" text-anchor="middle">{escape(label_of(moment))}</text>')
    if len(answered) > 1:
        line = " ".join(f"{x(t):.1f},{_y(s, top, plot_h):.1f}" for t, s in answered)
        parts.append(f'<polyline class="chart-line" points="{line}"/>')
    for moment, score in points:
        if score is None:
            parts.append(f'<circle class="missed" cx="{x(moment):.1f}" cy="{missed_y:.1f}" r="5">'
                         f'<title>missed, {escape(label_of(moment))}</title></circle>')
        else:
            tone = "low" if score <= 2 else "ok"
            parts.append(f'<circle class="point {tone}" cx="{x(moment):.1f}" cy="{_y(score, top, plot_h):.1f}" r="5">'
                         f'<title>{score} of 5, {escape(label_of(moment))}</title></circle>')
    parts.append("</svg>")
    return Markup("".join(parts))


MAX_WEEK_LABELS = 12


def _weeks(start: datetime, end: datetime, span: float) -> list[datetime]:
    """A date under each week from the first check-in (every few weeks when there are many)."""
    weeks = int(span // (7 * 24 * 3600)) + 1
    every = -(-weeks // MAX_WEEK_LABELS)
    return [start + timedelta(weeks=k) for k in range(0, weeks, every) if start + timedelta(weeks=k) <= end] or [start]
