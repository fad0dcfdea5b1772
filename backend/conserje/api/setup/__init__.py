"""HTTP blueprints for the setup domain (see docs/architecture.md)."""
