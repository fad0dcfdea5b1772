"""Marshmallow schemas for the faces domain (see docs/architecture.md)."""
