"""The FastAPI application: the JSON API, the web reader and its static files over one store."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import api, pages
from .errors import install_error_handlers
from .state import RecordLoader, StoreAccess

STATIC = Path(__file__).parent / "static"
DESCRIPTION = """Hindi news as events, storylines and outlet comparison.

Every error answers `{"ok": false, "error": "what was wrong and what to do", "status": CODE}`.
`POST /api/articles` works only on a server started with `--api-token`, and needs the header
`Authorization: Bearer TOKEN`.
"""


def create_app(db: str | Path, *, api_token: str | None = None, max_body_bytes: int = api.MAX_BODY_BYTES,
               load_events: RecordLoader | None = None, load_storylines: RecordLoader | None = None) -> FastAPI:
    """The web app over the store at ``db`` (opened, and created if missing, now).

    :param api_token: the token ingest requests must carry; without one, ingest is off.
    :param max_body_bytes: the largest request body accepted (413 above it).
    :param load_events: how event records are read (default :func:`ghatnakram.pipeline.event_records`).
    :param load_storylines: how storyline records are read (default :func:`ghatnakram.pipeline.storyline_records`).
    """
    if max_body_bytes < 1:
        raise ValueError(f"max_body_bytes must be positive, got {max_body_bytes}")
    access = StoreAccess(str(db), load_events=load_events, load_storylines=load_storylines)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        access.close()

    app = FastAPI(title="ghatnakram", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.access = access
    app.state.api_token = api_token or None
    app.state.max_body_bytes = max_body_bytes
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    install_error_handlers(app, pages.error_page)
    return app
