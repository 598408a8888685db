from .approval import notify_approver, request_approval
from .hosts import is_configured_host, require_allowed_host, warn_if_unknown_host
from .paths import join_under_root, resolve_in_sandbox
from .sql import check_tables, looks_read_only

__all__ = [
    "check_tables",
    "is_configured_host",
    "join_under_root",
    "looks_read_only",
    "notify_approver",
    "request_approval",
    "require_allowed_host",
    "resolve_in_sandbox",
    "warn_if_unknown_host",
]
