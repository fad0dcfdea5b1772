"""HTTP blueprints for the faces domain (see docs/architecture.md)."""
