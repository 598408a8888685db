"""Agent tool modules.  Importing a module registers its module-level tools."""
