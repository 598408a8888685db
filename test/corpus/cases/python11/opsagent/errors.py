"""Exception types shared by tools and services."""

from __future__ import annotations


class OpsAgentError(Exception):
    """Base class for errors raised by opsagent."""


class ToolInputError(OpsAgentError, ValueError):
    """The model supplied arguments the tool refuses to act on.

    LangChain surfaces the message back to the model, so keep it actionable.
    """


class ApprovalUnavailableError(OpsAgentError):
    """The approvals desk could not be reached."""
