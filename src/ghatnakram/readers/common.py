"""What every reader shares: input limits, decoding, and the fields of an article record."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from ..models import Article, Problem
from ..normalize import ascii_digits, normalize_line

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024  # one article page, text file or feed
MAX_RECORD_BYTES = 2 * 1024 * 1024  # one JSON line
IST = timezone(timedelta(hours=5, minutes=30))
EARLIEST_YEAR = 1900
FUTURE_SLACK = timedelta(days=2)


class BadInput(ValueError):
    """An input that cannot become an article; the message says what to do."""


def decode_utf8(data: bytes) -> str:
    """Decode ``data`` as UTF-8 (a BOM is dropped) or raise :class:`BadInput` naming the byte."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise BadInput("UTF-16 text: re-save the file as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)")
    if b"\x00" in data[:8192]:
        raise BadInput("binary data, not text: pass UTF-8 text, JSON Lines, HTML or an RSS/Atom feed")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"invalid UTF-8 at byte {exc.start}: re-save the file as UTF-8 (e.g. iconv -f <encoding> -t UTF-8)"
        ) from None


def check_size(size: int, limit: int, what: str) -> None:
    if size == 0:
        raise BadInput(f"empty {what}: nothing to read; remove it or fill it")
    if size > limit:
        raise BadInput(
            f"{what} too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB): "
            "one article per file, or split it into JSON Lines"
        )


_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_published(value: object) -> str | None:
    """Read a publication date into ISO 8601: ``YYYY-MM-DD`` or a datetime with its offset.

    Accepts ISO dates and datetimes (``Z`` or an offset; a datetime without one is taken
    as IST, the zone of Hindi outlets), RFC 2822 dates as feeds write them, and Devanagari
    digits. Empty means unknown (None). Raises :class:`BadInput` for anything else, for
    dates before 1900 and for dates in the future.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise BadInput(f"'published' must be a string like 2026-01-28, not {type(value).__name__} {value!r}")
    text = ascii_digits(value.strip())
    try:
        if _DATE_ONLY.match(text):
            day = date.fromisoformat(text)
        else:
            moment = _parse_datetime(text)
    except (ValueError, OverflowError):
        raise BadInput(
            f"'published' {value!r} is not a date: use YYYY-MM-DD or ISO 8601 such as 2026-01-28T10:15:00+05:30"
        ) from None
    if _DATE_ONLY.match(text):
        return _check_range(day).isoformat()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=IST)
    _check_range(moment.date(), moment)
    return moment.isoformat()


def _parse_datetime(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        moment = parsedate_to_datetime(text)  # RFC 2822, as in RSS
        if moment is None:
            raise
        return moment


def _check_range(day: date, moment: datetime | None = None) -> date:
    if day.year < EARLIEST_YEAR:
        raise BadInput(f"'published' {day.isoformat()} is before {EARLIEST_YEAR}: check the date field")
    now = datetime.now(timezone.utc)
    if (moment or datetime.combine(day, datetime.min.time(), tzinfo=IST)) > now + FUTURE_SLACK:
        raise BadInput(f"'published' {day.isoformat()} is in the future: check the date field or the clock")
    return day


def derived_id(*parts: str | None) -> str:
    """A stable id for an article that came without one: from its URL, else its content."""
    key = next((p for p in parts if p), "")
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def make_article(
    *, text: str, source: str, outlet: str | None, title: str = "", published: object = None,
    url: str | None = None, author: str | None = None, article_id: str | None = None,
) -> Article:
    """Build a raw :class:`Article` (cleaning comes later) or raise :class:`BadInput`."""
    if not text or not text.strip():
        raise BadInput("no article text: the body is empty")
    outlet_name = normalize_line(outlet or "")
    if not outlet_name:
        raise BadInput("no outlet: give the outlet's name ('outlet' in JSON, or --outlet)")
    url = url.strip() if url and url.strip() else None
    return Article(
        id=article_id or derived_id(url, text),
        outlet=outlet_name,
        title=title or "",
        text=text,
        raw_text=text,
        published=parse_published(published),
        url=url,
        author=author,
        source=source,
    )


def problem(where: str, error: Exception) -> Problem:
    return Problem(where, str(error))
