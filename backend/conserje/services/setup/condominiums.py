"""Condominiums: the tenants every other row belongs to."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Condominium


def first_condominium(session: Session) -> Condominium | None:
    return session.scalar(select(Condominium).order_by(Condominium.id).limit(1))


def ensure_condominium(session: Session, name: str, time_zone: str, currency: str,
                       country: str) -> Condominium:
    """Return the first condominium, creating it when the database has none."""
    condo = first_condominium(session)
    if condo is None:
        condo = Condominium(name=name, time_zone=time_zone, currency=currency, country=country)
        session.add(condo)
        session.flush()
    return condo
