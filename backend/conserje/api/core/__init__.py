"""HTTP blueprints for the core domain (see docs/architecture.md)."""
