"""The FastAPI application: the JSON API, the web reader and its static files over one store."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

import swagger_ui_bundle
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
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


DOCS_ASSETS = "/docs-assets"


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

    # The docs page is served with Swagger UI from the package, not from a CDN: servers are often offline.
    app = FastAPI(title="ghatnakram", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.access = access
    app.state.api_token = api_token or None
    app.state.max_body_bytes = max_body_bytes
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount(DOCS_ASSETS, StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(
            openapi_url=app.openapi_url, title="ghatnakram API",
            swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js", swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_ASSETS}/favicon-32x32.png",
        )

    install_error_handlers(app, pages.error_page)
    return app
