"""ghatnakram (घटनाक्रम): a Hindi-first news engine.

Library first: :mod:`ghatnakram.pipeline` holds the calls the CLI and other front ends make.
"""

from .models import Article, IngestReport, Problem
from .pipeline import article_record, demo, export_articles, ingest, run
from .store import DEFAULT_DB, Store, StoreError, open_store

__all__ = [
    "DEFAULT_DB", "Article", "IngestReport", "Problem", "Store", "StoreError", "article_record",
    "demo", "export_articles", "ingest", "open_store", "run",
]
__version__ = "0.1.0"
