"""The HTTP side of ghatnakram: a JSON API and a server-rendered web reader (``ghatnakram serve``)."""

from .app import create_app

__all__ = ["create_app"]
