"""Tools for the repository-maintenance (coding) agent."""
