"""Marshmallow schemas (request and response bodies); only ``conserje.api`` imports them."""
