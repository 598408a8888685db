import logging
from pathlib import Path
from typing import Annotated

import aiohttp
from semantic_kernel import Kernel
from semantic_kernel.functions import kernel_function

logger = logging.getLogger("sk.plugins")
KB_ROOT = Path("/srv/kb").resolve()


class MathPlugin:
    @kernel_function(name="add", description="Add two numbers")
    def add(self, a: Annotated[float, "first"], b: Annotated[float, "second"]) -> float:
        return a + b


class HttpPlugin:
    def __init__(self, session: aiohttp.ClientSession):
        self._session = session

    @kernel_function(description="GET a URL and return the body")
    async def get_url(self, url: Annotated[str, "the url"]) -> str:
        async with self._session.get(url) as resp:
            return await resp.text()


class KnowledgeBasePlugin:
    @kernel_function(description="Read an article from the knowledge base")
    def read_article(self, name: Annotated[str, "article path"]) -> str:
        target = (KB_ROOT / name).resolve()
        if not target.is_relative_to(KB_ROOT):
            raise PermissionError(name)
        logger.info("kb read %s", target)
        return target.read_text()


def build_kernel(session: aiohttp.ClientSession) -> Kernel:
    kernel = Kernel()
    kernel.add_plugin(MathPlugin(), "math")
    kernel.add_plugin(HttpPlugin(session), "http")
    kernel.add_plugin(KnowledgeBasePlugin(), "kb")
    return kernel
