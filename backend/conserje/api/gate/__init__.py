"""HTTP blueprints for the gate domain (see docs/architecture.md)."""
