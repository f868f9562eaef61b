"""The web reader: server-rendered pages over the same dicts the JSON API returns.

Templates are Jinja2 with autoescaping on, so every piece of article text is escaped;
the pages also send a Content-Security-Policy that allows no inline script, as a
second line of defence. The pages need no JavaScript.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from urllib.parse import quote, urlparse

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader

from . import queries
from .api import Reader, Records
from .errors import not_found
from .timeline import hindi_date, ordinal_label, timeline_svg

STORYLINES_PER_PAGE = 20
SEARCH_LIMIT = 20
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PATHS = {"event": "/events/", "storyline": "/storylines/", "entity": "/entities/", "article": "/articles/"}


def link(kind: str, item_id: str) -> str:
    """The page of an event, storyline, entity or article (the id percent-encoded)."""
    return PATHS[kind] + quote(item_id, safe="")


def when(published: str | None) -> str:
    """A publication date or datetime as a Hindi reader writes it: ``8 मार्च 2026, 17:30``."""
    if not published:
        return "तिथि अज्ञात"
    if len(published) == 10:
        return hindi_date(published)
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return published
    return f"{hindi_date(moment.date().isoformat())}, {moment:%H:%M}"


def fact_text(fact) -> str:
    """A comparison fact as text: a string as it is, a dict by its text (or its fields)."""
    if isinstance(fact, dict):
        for key in ("text", "sentence", "fact"):
            if isinstance(fact.get(key), str):
                return fact[key]
        return " · ".join(f"{k}: {v}" for k, v in fact.items())
    return str(fact)


def http_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a ``javascript:`` link must never reach a page."""
    return url if url and urlparse(url).scheme in ("http", "https") else None


def paragraphs(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


TEMPLATES = Environment(
    loader=PackageLoader("ghatnakram.web", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
)
TEMPLATES.globals.update(link=link, hindi_date=hindi_date, ordinal_label=ordinal_label)
TEMPLATES.filters.update(when=when, fact_text=fact_text, paragraphs=paragraphs, http_url=http_url)


def render(name: str, status: int = 200, **context) -> HTMLResponse:
    html = TEMPLATES.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render("error.html", status=status, status_code=status, message=message)


router = APIRouter(default_response_class=HTMLResponse, tags=["pages"])
PageNumber = Annotated[int, Query(ge=1, le=10_000, description="Page number, from 1.")]


@router.get("/", summary="Home page: active storylines with their latest events")
def home(records: Records, page: PageNumber = 1) -> HTMLResponse:
    listing = queries.home_view(records, limit=STORYLINES_PER_PAGE, offset=(page - 1) * STORYLINES_PER_PAGE)
    return render("home.html", listing=listing, page=page, per_page=STORYLINES_PER_PAGE)


@router.get("/storylines/{storyline_id}", summary="Storyline page: its timeline as a picture, then its events")
def storyline_page(storyline_id: str, records: Records) -> HTMLResponse:
    storyline = records.storylines_by_id.get(storyline_id)
    if storyline is None:
        raise not_found("storyline", storyline_id, "go to the home page for the storylines")
    view = queries.storyline_view(records, storyline)
    return render("storyline.html", storyline=view, timeline=timeline_svg(view["events"]))


@router.get("/events/{event_id}", summary="Event page: summary, the outlets side by side, and their comparison")
def event_page(event_id: str, store: Reader, records: Records) -> HTMLResponse:
    event = records.events_by_id.get(event_id)
    if event is None:
        raise not_found("event", event_id, "go to the home page or search for it")
    storyline = records.storylines_by_id.get(event["storyline"])
    return render("event.html", event=queries.event_view(store, event), storyline=storyline)


@router.get("/entities/{entity_id:path}", summary="Entity page: its spellings and all its events")
def entity_page(entity_id: str, records: Records) -> HTMLResponse:
    entity = records.entities.get(entity_id)
    if entity is None:
        raise not_found("entity", entity_id, "search for the name")
    return render("entity.html", entity=queries.entity_view(records, entity))


@router.get("/articles/{article_id:path}", summary="Article page: one stored article")
def article_page(article_id: str, store: Reader, records: Records) -> HTMLResponse:
    article = store.get_article(article_id)
    if article is None:
        raise not_found("article", article_id, "search for it")
    view = queries.article_view(article, records)
    return render("article.html", article=view, event=records.events_by_id.get(view["event"] or ""))


@router.get("/search", summary="Search page: events, storylines, entities and articles containing the text")
def search_page(store: Reader, records: Records,
                q: Annotated[str, Query(max_length=200, description="The text to look for.")] = "") -> HTMLResponse:
    results = None
    if q.strip():
        filters = queries.Filters(q=q)
        results = {
            "events": queries.find_events(records, filters)[:SEARCH_LIMIT],
            "storylines": queries.find_storylines(records, filters)[:SEARCH_LIMIT],
            "entities": queries.find_entities(records, q)[:SEARCH_LIMIT],
            "articles": queries.find_articles(store, records, filters, limit=SEARCH_LIMIT, offset=0)["items"],
        }
    return render("search.html", q=q, results=results)
