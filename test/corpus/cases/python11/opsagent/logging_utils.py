"""Project logging helpers.

``get_logger(__name__)`` returns a stdlib logger adapter that stamps the current
agent run id on every record.  ``audit_event`` / ``log_tool_call`` write to the
``opsagent.audit`` channel, which the log shipper forwards to the SIEM.
"""

from __future__ import annotations

import contextvars
import json
import logging
import sys
from typing import Any

run_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("opsagent_run_id", default=None)


class _RunContextAdapter(logging.LoggerAdapter):
    def process(self, msg: Any, kwargs: Any) -> tuple[Any, Any]:
        extra = dict(kwargs.pop("extra", None) or {})
        extra.setdefault("run_id", run_id_var.get())
        kwargs["extra"] = extra
        return msg, kwargs


def get_logger(name: str) -> logging.LoggerAdapter:
    return _RunContextAdapter(logging.getLogger(name), {})


_audit = get_logger("opsagent.audit")


def audit_event(action: str, /, **fields: Any) -> None:
    """Write one structured audit record."""
    _audit.info(json.dumps({"action": action, **fields}, default=str, sort_keys=True))


def log_tool_call(tool_name: str, /, **arguments: Any) -> None:
    """Record a tool invocation and its (model-chosen) arguments."""
    _audit.info(json.dumps({"action": "tool_call", "tool": tool_name, "arguments": arguments}, default=str))


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s run=%(run_id)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
