import logging
import sqlite3
from typing import Optional

import aiohttp
import requests
import sqlglot
from langchain_core.callbacks import CallbackManagerForToolRun
from langchain_core.tools import BaseTool

logger = logging.getLogger(__name__)
FILES_PREFIX = "https://files.example.com"
READABLE_TABLES = {"products", "categories", "prices"}


class DownloadTool(BaseTool):
    name: str = "download"
    description: str = "Download a file from the company file server"

    def _run(self, url: str, run_manager: Optional[CallbackManagerForToolRun] = None) -> bytes:
        if not url.startswith(FILES_PREFIX):
            raise ValueError("only the file server is allowed")
        return requests.get(url, timeout=30).content

    async def _arun(self, url: str, run_manager=None) -> bytes:
        if not url.startswith(FILES_PREFIX):
            raise ValueError("only the file server is allowed")
        async with aiohttp.ClientSession() as session:
            async with session.get(url) as resp:
                return await resp.read()


class CatalogQueryTool(BaseTool):
    name: str = "catalog_query"
    description: str = "Run a read-only SQL query on the product catalog"

    def _run(self, query: str) -> list:
        tables = {t.name for t in sqlglot.parse_one(query).find_all(sqlglot.exp.Table)}
        if not tables or not tables <= READABLE_TABLES:
            raise PermissionError(f"tables not allowed: {tables - READABLE_TABLES}")
        conn = sqlite3.connect("file:/srv/catalog.db?mode=ro", uri=True)
        logger.info("catalog query: %s", query)
        return conn.execute(query).fetchall()
