"""One error shape for the API (``{"ok": false, "error": message, "status": code}``) and the pages.

Routes raise :class:`ApiError` with a message that says what was wrong and what to do;
FastAPI's own errors (unknown path, bad query parameter) are turned into the same shape.
Under ``/api`` the answer is JSON; elsewhere it is an HTML page with the same message.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("ghatnakram.web")

API_PREFIX = "/api"


class ApiError(Exception):
    """An answer other than success: the HTTP status and a message for the user."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(status: int, message: str) -> dict:
    """The one JSON error shape."""
    return {"ok": False, "error": message, "status": status}


def not_found(kind: str, item_id: str, how_to_list: str) -> ApiError:
    return ApiError(404, f"no {kind} with id {item_id!r}: {how_to_list}")


def validation_message(exc: RequestValidationError) -> str:
    """FastAPI's validation errors as one sentence naming each bad parameter."""
    parts = []
    for error in exc.errors():
        where = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")]
        source = error.get("loc", ("",))[0]
        name = ".".join(where) or source
        parts.append(f"{source} parameter {name!r}: {error.get('msg', 'invalid')}" if where else error.get("msg", "invalid"))
    return "; ".join(parts) + ": fix the request (see /docs)"


def install_error_handlers(app: FastAPI, render_error_page) -> None:
    """Answer every error in the one shape: JSON under /api, an HTML page elsewhere.

    :param render_error_page: ``(request, status, message) -> Response`` for pages.
    """

    def answer(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
        if request.url.path.startswith(API_PREFIX) or request.url.path == "/openapi.json":
            return JSONResponse(error_body(status, message), status_code=status, headers=headers)
        return render_error_page(request, status, message)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return answer(request, exc.status, exc.message, headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}: see /docs for the API and / for the reader"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}: see /docs"
        return answer(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        return answer(request, 422, validation_message(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("error answering %s %s", request.method, request.url.path)
        return answer(request, 500, f"internal error ({type(exc).__name__}): the server log has the details")
