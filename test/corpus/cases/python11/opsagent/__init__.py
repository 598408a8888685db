"""opsagent — the Acme on-call and support operations agent."""

__version__ = "3.8.2"
