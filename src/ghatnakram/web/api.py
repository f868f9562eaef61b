"""The JSON API under /api: articles, events, storylines and entities, and online ingest.

Each route reads the current records (see :mod:`.state`), calls one function of
:mod:`.queries` and returns its dict; the HTML pages render the same dicts.
"""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Iterator

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from ..models import Article
from ..readers.common import BadInput
from ..readers.jsonl import article_from_record
from ..watch import ingest_online
from . import queries
from .errors import ApiError, not_found
from ..store import Store
from .state import Snapshot, StoreAccess

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_BATCH = 500  # articles in one POST
MAX_BODY_BYTES = 8 * 1024 * 1024


class ErrorOut(BaseModel):
    """The one error shape of the API."""

    ok: bool = False
    error: str
    status: int


class ArticleIn(BaseModel):
    """An article in the input contract of DESIGN.md (extra keys are ignored)."""

    id: str
    outlet: str
    text: str = ""
    title: str = ""
    published: str | None = None
    url: str | None = None
    author: str | None = None


ERRORS = {status: {"model": ErrorOut} for status in (400, 401, 403, 404, 413, 422, 500)}
router = APIRouter(prefix="/api", responses=ERRORS)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many items per page.")]
Offset = Annotated[int, Query(ge=0, description="How many items to pass over.")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A day, YYYY-MM-DD.")]


def access(request: Request) -> StoreAccess:
    return request.app.state.access


def reader(request: Request) -> Iterator[Store]:
    """A read connection for this request, given back to the pool after it."""
    with request.app.state.access.reading() as store:
        yield store


def snapshot(request: Request, store: Annotated[Store, Depends(reader)]) -> Snapshot:
    """The current event, storyline and entity records."""
    return request.app.state.access.snapshot(store)


Access = Annotated[StoreAccess, Depends(access)]
Reader = Annotated[Store, Depends(reader)]
Records = Annotated[Snapshot, Depends(snapshot)]


def listing_filters(
    since: Day = None,
    until: Day = None,
    outlet: Annotated[str | None, Query(description="Only items this outlet covered.")] = None,
    entity: Annotated[str | None, Query(description="Only items naming this entity (canonical id, name or part of it).")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text that must appear (headline, summary, entity names; for articles title or text).")] = None,
) -> queries.Filters:
    return queries.Filters(since, until, outlet, entity, q)


Filters = Annotated[queries.Filters, Depends(listing_filters)]


# --- reading ----------------------------------------------------------------------------

@router.get("/status", tags=["store"], summary="What the store holds, and whether ingest is open")
def status(request: Request, store: Reader, records: Records) -> dict:
    return {
        "ok": True,
        "articles": store.count_articles(),
        "events": len(records.events),
        "storylines": len(records.storylines),
        "entities": len(records.entities),
        "ingest": bool(request.app.state.api_token),
    }


@router.get("/articles", tags=["articles"], summary="Stored articles, in store order, filtered")
def list_articles(store: Reader, records: Records, filters: Filters, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    """Dates filter on publication; ``total`` is null when the page ended before the last match."""
    return queries.find_articles(store, records, filters, limit=limit, offset=offset)


@router.get("/articles/{article_id:path}", tags=["articles"], summary="One article with its text, analysis, event and storyline")
def get_article(article_id: str, store: Reader, records: Records) -> dict:
    article = store.get_article(article_id)
    if article is None:
        raise not_found("article", article_id, "list ids with GET /api/articles")
    return queries.article_view(article, records)


@router.get("/events", tags=["events"], summary="Events, newest first, filtered")
def list_events(records: Records, filters: Filters, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    return queries.page(queries.find_events(records, filters), limit, offset)


@router.get("/events/{event_id}", tags=["events"], summary="One event with its articles, outlet by outlet")
def get_event(event_id: str, store: Reader, records: Records) -> dict:
    return queries.event_view(store, find_event(records, event_id))


@router.get("/events/{event_id}/comparison", tags=["events"], summary="What the outlets share, what each adds, where they conflict")
def get_comparison(event_id: str, records: Records) -> dict:
    return queries.comparison_view(find_event(records, event_id))


def find_event(records: Snapshot, event_id: str) -> dict:
    event = records.events_by_id.get(event_id)
    if event is None:
        raise not_found("event", event_id, "list ids with GET /api/events")
    return event


@router.get("/storylines", tags=["storylines"], summary="Storylines, latest activity first, filtered by their events")
def list_storylines(records: Records, filters: Filters, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    return queries.page(queries.find_storylines(records, filters), limit, offset)


@router.get("/storylines/{storyline_id}", tags=["storylines"], summary="One storyline with its events in timeline order")
def get_storyline(storyline_id: str, records: Records) -> dict:
    storyline = records.storylines_by_id.get(storyline_id)
    if storyline is None:
        raise not_found("storyline", storyline_id, "list ids with GET /api/storylines")
    return queries.storyline_view(records, storyline)


@router.get("/entities", tags=["entities"], summary="Canonical entities, most mentioned first")
def list_entities(
    records: Records,
    q: Annotated[str | None, Query(max_length=200, description="Part of a name, Latin form or spelling.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    return queries.page(queries.find_entities(records, q), limit, offset)


@router.get("/entities/{entity_id:path}", tags=["entities"], summary="One entity: its spellings and all its events")
def get_entity(entity_id: str, records: Records) -> dict:
    entity = records.entities.get(entity_id)
    if entity is None:
        raise not_found("entity", entity_id, "find ids with GET /api/entities?q=NAME")
    return queries.entity_view(records, entity)


# --- online ingest ----------------------------------------------------------------------

bearer = HTTPBearer(auto_error=False, description="The token the server was started with (--api-token).")


def require_token(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Ingest is open only on a server started with a token, and only to requests that carry it."""
    token = request.app.state.api_token
    if not token:
        raise ApiError(403, "ingest is disabled on this server: start it with --api-token TOKEN "
                            "(or $GHATNAKRAM_API_TOKEN) and send 'Authorization: Bearer TOKEN'")
    if credentials is None:
        raise ApiError(401, "missing API token: send the header 'Authorization: Bearer TOKEN' "
                            "with the token the server was started with")
    if not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
        raise ApiError(401, "wrong API token: send the token the server was started with")


BODY_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {
            "anyOf": [ArticleIn.model_json_schema(), {"type": "array", "items": ArticleIn.model_json_schema(), "maxItems": MAX_BATCH}],
        }}},
    }
}


@router.post("/articles", tags=["articles"], dependencies=[Depends(require_token)], openapi_extra=BODY_SCHEMA,
             summary="Ingest an article (or a batch) online and get back its event and storyline")
async def post_articles(request: Request, store_access: Access) -> dict:
    """Send one article object or a list of up to 500, in the input contract; the body may be up to 8 MB.

    Articles the store already has are not stored again (``already_stored``).
    """
    articles = parse_articles(await read_body(request, request.app.state.max_body_bytes))
    return await run_in_threadpool(_ingest, store_access, articles)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, or a 413 as soon as it is larger than ``limit`` bytes."""
    too_large = ApiError(413, f"request body larger than {limit / 1e6:.0f} MB: send fewer articles per request")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)


def parse_articles(body: bytes) -> list[Article]:
    """Articles from a JSON body (one object or a list), or a 400/413/422 naming every bad one."""
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ApiError(400, f"body is not JSON ({exc}): send an article object or a list of them") from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise ApiError(422, "empty list: send at least one article")
    if len(records) > MAX_BATCH:
        raise ApiError(413, f"{len(records)} articles in one request; the limit is {MAX_BATCH}: split the batch")
    articles, problems = [], []
    for number, record in enumerate(records):
        try:
            if not isinstance(record, dict):
                raise BadInput(f"expected an article object, got {type(record).__name__}")
            articles.append(article_from_record(record, f"article[{number}]"))
        except BadInput as exc:
            problems.append(f"article[{number}]: {exc}")
    if problems:
        raise ApiError(422, "; ".join(problems) + " (nothing was stored)")
    return articles


def _ingest(store_access: StoreAccess, articles: list[Article]) -> dict:
    with store_access.writer() as store:
        result = ingest_online(articles, store)
    report = result.report
    if report.failed and not report.ids:
        raise ApiError(422, "; ".join(str(p) for p in report.problems) + " (nothing was stored)")
    return {
        "ok": True,
        "read": report.read,
        "stored": report.stored,
        "duplicates": report.duplicates,
        "already_stored": report.skipped,
        "failed": report.failed,
        "problems": [{"where": p.where, "message": p.message} for p in report.problems],
        "articles": result.assignments,
    }
