"""Research agent: tools for the analyst assistant."""
