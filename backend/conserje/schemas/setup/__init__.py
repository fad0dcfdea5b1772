"""Marshmallow schemas for the setup domain (see docs/architecture.md)."""
