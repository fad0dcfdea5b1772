"""Marshmallow schemas for the core domain (see docs/architecture.md)."""
