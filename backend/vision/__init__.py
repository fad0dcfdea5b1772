"""ML inference core: detectors, embedders, quality checks, matching.

Imports nothing from Flask, SQLAlchemy, Redis or ``conserje``: arrays and paths in,
dataclasses out. Models are built lazily and cached, never at import time.
"""
