"""opsdesk — an operations assistant built on several agent frameworks."""

__version__ = "0.9.2"
