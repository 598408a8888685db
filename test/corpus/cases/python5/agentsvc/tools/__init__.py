"""Agent tools, grouped by capability."""
