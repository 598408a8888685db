"""Tools for the support / on-call agent."""
