"""HTTP blueprints for the visitors domain (see docs/architecture.md)."""
