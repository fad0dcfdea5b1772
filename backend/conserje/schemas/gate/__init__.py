"""Marshmallow schemas for the gate domain (see docs/architecture.md)."""
