"""HTTP blueprints for the finance domain (see docs/architecture.md)."""
