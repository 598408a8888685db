"""agentsvc — the customer-operations agent service."""

__version__ = "0.7.3"
