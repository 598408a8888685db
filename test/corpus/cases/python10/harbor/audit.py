"""Structured audit trail for everything the agents do."""
from __future__ import annotations

import functools
import inspect
import json
import logging
import time
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

audit_logger = logging.getLogger("harbor.audit")

_REDACT = {"password", "token", "secret", "api_key", "body", "content"}


def _redact(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: ("***" if k.lower() in _REDACT else v) for k, v in fields.items()}


def audit_event(tool: str, action: str, **fields: Any) -> None:
    """Write one JSON audit record for a tool action."""
    record = {"ts": round(time.time(), 3), "tool": tool, "action": action, **_redact(fields)}
    audit_logger.info(json.dumps(record, default=str, sort_keys=True))


def audited(name: str | None = None) -> Callable[[F], F]:
    """Decorator: record every call of the wrapped tool function in the audit log."""

    def decorate(fn: F) -> F:
        tool_name = name or fn.__name__

        if inspect.iscoroutinefunction(fn):

            @functools.wraps(fn)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                audit_event(tool_name, "call", kwargs=kwargs)
                return await fn(*args, **kwargs)

            return async_wrapper  # type: ignore[return-value]

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            audit_event(tool_name, "call", kwargs=kwargs)
            return fn(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
