"""Tools for the analytics agent."""
