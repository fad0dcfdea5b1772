"""Visitor tables: visitors, blacklists, settings, visits, passes, authorisations, passages."""
