"""A storyline's timeline as server-rendered SVG: events on a date axis.

Each event is a circle at its event date, larger the more outlets covered it, linking
to its event page; an event the articles call the first (or second, third …) of its
kind carries that ordinal above it. Events on the same day are stacked. Events without
a date sit apart at the right end. Every text and attribute is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from markupsafe import Markup, escape

HINDI_MONTHS = ("जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर")
HINDI_ORDINALS = {1: "पहली", 2: "दूसरी", 3: "तीसरी", 4: "चौथी"}
WIDTH, MARGIN, AXIS_Y, ROW = 720, 48, 150, 34
UNDATED_GAP = 70
MIN_RADIUS, RADIUS_PER_OUTLET, MAX_OUTLETS_SIZED = 6, 3, 6
MAX_TICKS = 5


@dataclass(frozen=True)
class Dot:
    """One event placed on the picture."""

    event: dict
    x: float
    y: float
    r: float


def hindi_date(day: str) -> str:
    """``2026-03-08`` → ``8 मार्च 2026``."""
    parsed = date.fromisoformat(day)
    return f"{parsed.day} {HINDI_MONTHS[parsed.month - 1]} {parsed.year}"


def ordinal_label(ordinal: int | None) -> str | None:
    """How an occurrence is marked: ``पहली``, ``दूसरी`` … ``5वीं``; None when no ordinal is known."""
    if not ordinal:
        return None
    return HINDI_ORDINALS.get(ordinal, f"{ordinal}वीं")


def radius(outlets: int) -> float:
    """Circle radius for an event covered by ``outlets`` outlets (capped, so one event cannot fill the picture)."""
    return MIN_RADIUS + RADIUS_PER_OUTLET * min(outlets, MAX_OUTLETS_SIZED)


def layout(events: list[dict], width: int = WIDTH) -> tuple[list[Dot], tuple[date, date] | None]:
    """Place events: x by event date between the first and last date, same-day events stacked upwards."""
    dated = [e for e in events if e.get("event_date")]
    undated = [e for e in events if not e.get("event_date")]
    span = None
    dots: list[Dot] = []
    right = width - MARGIN - (UNDATED_GAP if undated else 0)
    if dated:
        days = [date.fromisoformat(e["event_date"]) for e in dated]
        span = (min(days), max(days))
        total = (span[1] - span[0]).days
        stacked: dict[int, int] = {}
        for event, day in zip(dated, days):
            x = (MARGIN + right) / 2 if total == 0 else MARGIN + (right - MARGIN) * (day - span[0]).days / total
            level = stacked.get(round(x / 12), 0)
            stacked[round(x / 12)] = level + 1
            dots.append(Dot(event, x, AXIS_Y - 24 - level * ROW, radius(len(event["outlets"]))))
    for level, event in enumerate(undated):
        dots.append(Dot(event, width - MARGIN + 8, AXIS_Y - 24 - level * ROW, radius(len(event["outlets"]))))
    return dots, span


def ticks(span: tuple[date, date], width: int, has_undated: bool) -> list[tuple[float, str]]:
    """Up to five evenly spaced date labels along the axis."""
    start, end = span
    total = (end - start).days
    right = width - MARGIN - (UNDATED_GAP if has_undated else 0)
    if total == 0:
        return [((MARGIN + right) / 2, hindi_date(start.isoformat()))]
    count = min(MAX_TICKS, total + 1)
    labels = []
    for i in range(count):
        offset = round(total * i / (count - 1))
        day = date.fromordinal(start.toordinal() + offset)
        labels.append((MARGIN + (right - MARGIN) * offset / total, hindi_date(day.isoformat())))
    return labels


def timeline_svg(events: list[dict], *, width: int = WIDTH, link_prefix: str = "/events/") -> Markup:
    """The SVG picture of ``events`` (event records in timeline order), safe to put into a page."""
    dots, span = layout(events, width)
    top = min((d.y - d.r for d in dots), default=AXIS_Y) - 24  # room for the ordinal above the highest dot
    shift = -top
    height = AXIS_Y + 34 + shift
    parts = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.0f}" '
        f'role="img" aria-labelledby="timeline-title">',
        '<title id="timeline-title">घटनाक्रम की समयरेखा</title>',
        f'<g transform="translate(0 {shift:.0f})">',
        f'<line class="axis" x1="{MARGIN}" y1="{AXIS_Y}" x2="{width - MARGIN}" y2="{AXIS_Y}"/>',
    ]
    if span:
        for x, label in ticks(span, width, any(not e.get("event_date") for e in events)):
            parts.append(f'<line class="tick" x1="{x:.1f}" y1="{AXIS_Y}" x2="{x:.1f}" y2="{AXIS_Y + 6}"/>')
            parts.append(f'<text class="tick-label" x="{x:.1f}" y="{AXIS_Y + 22}" text-anchor="middle">{escape(label)}</text>')
    if any(not e.get("event_date") for e in events):
        parts.append(f'<text class="tick-label" x="{width - MARGIN + 8}" y="{AXIS_Y + 22}" text-anchor="middle">तिथि अज्ञात</text>')
    parts.extend(_dot_svg(dot, link_prefix) for dot in dots)
    parts.append("</g></svg>")
    return Markup("".join(parts))


def _dot_svg(dot: Dot, link_prefix: str) -> str:
    event = dot.event
    label = ordinal_label(event.get("ordinal"))
    kind = "first" if event.get("ordinal") == 1 else "repeat" if label else "plain"
    day = hindi_date(event["event_date"]) if event.get("event_date") else "तिथि अज्ञात"
    outlets = len(event["outlets"])
    tooltip = f"{day} · {event['headline']} · {outlets} आउटलेट"
    href = link_prefix + quote(event["id"], safe="")
    parts = [
        f'<a href="{escape(href)}" class="event-dot {kind}" data-event="{escape(event["id"])}">',
        f"<title>{escape(tooltip)}</title>",
        f'<line class="stem" x1="{dot.x:.1f}" y1="{dot.y:.1f}" x2="{dot.x:.1f}" y2="{AXIS_Y}"/>',
        f'<circle cx="{dot.x:.1f}" cy="{dot.y:.1f}" r="{dot.r:.0f}"/>',
        f'<text class="outlet-count" x="{dot.x:.1f}" y="{dot.y + 4:.1f}" text-anchor="middle">{outlets}</text>',
    ]
    if label:
        parts.append(f'<text class="ordinal" x="{dot.x:.1f}" y="{dot.y - dot.r - 5:.1f}" text-anchor="middle">{escape(label)}</text>')
    parts.append("</a>")
    return "".join(parts)
