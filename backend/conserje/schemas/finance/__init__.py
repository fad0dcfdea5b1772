"""Marshmallow schemas for the finance domain (see docs/architecture.md)."""
