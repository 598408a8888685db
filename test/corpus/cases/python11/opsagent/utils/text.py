"""Small text helpers."""

from __future__ import annotations

import html
import re

_TAG_RE = re.compile(r"<(script|style)[^>]*>.*?</\1>|<[^>]+>", re.S | re.I)
_WS_RE = re.compile(r"[ \t]+\n|\n{3,}")


def html_to_text(markup: str) -> str:
    text = html.unescape(_TAG_RE.sub(" ", markup))
    return _WS_RE.sub("\n\n", text).strip()


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
