"""Visitor control: pre-registration, signed QR passes, walk-ins with resident approval,
blacklists, recurring visitors, entries and exits, KPIs (seed 003, RN-100..RN-107)."""
