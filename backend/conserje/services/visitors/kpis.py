"""Seed 003's metrics for a date range (condominium time zone): unique visitors, visitors
per day, peak hour, approval rate, average stay, recurring vs one-off, identification
methods, pre-registration rate and the residents' average response time."""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Condominium, Visit, VisitAuthorisation, VisitPassage
from conserje.services.core.actor import Actor


def kpis(session: Session, actor: Actor, since: date, until: date) -> dict:
    """Every metric over visits created and passages made from ``since`` to ``until``."""
    actor.require_capability("visitors.kpis")
    zone = ZoneInfo(session.get(Condominium, actor.condominium_id).time_zone)
    start = datetime.combine(since, time(), zone)
    end = datetime.combine(until + timedelta(days=1), time(), zone)
    visits = list(session.scalars(select(Visit).where(
        Visit.condominium_id == actor.condominium_id, Visit.created_at >= start,
        Visit.created_at < end)))
    entries = list(session.scalars(select(VisitPassage).where(
        VisitPassage.condominium_id == actor.condominium_id, VisitPassage.direction == "entry",
        VisitPassage.occurred_at >= start, VisitPassage.occurred_at < end)))
    auths = list(session.scalars(select(VisitAuthorisation).where(
        VisitAuthorisation.condominium_id == actor.condominium_id,
        VisitAuthorisation.kind != "prior", VisitAuthorisation.requested_at >= start,
        VisitAuthorisation.requested_at < end)))
    by_visit = {v.id: v for v in session.scalars(select(Visit).where(
        Visit.id.in_({e.visit_id for e in entries})))} if entries else {}
    days = (until - since).days + 1
    per_day = Counter(e.occurred_at.astimezone(zone).date().isoformat() for e in entries)
    hours = Counter(e.occurred_at.astimezone(zone).hour for e in entries)
    answered = [a for a in auths if a.status in ("approved", "denied") and a.channel != "timeout"]
    approved = sum(1 for a in answered if a.status == "approved")
    stays = [(v.exited_at - v.entered_at).total_seconds() / 60 for v in visits
             if v.entered_at and v.exited_at and v.exited_at > v.entered_at]
    waits = [(a.answered_at - a.requested_at).total_seconds() for a in answered
             if a.kind == "real_time" and a.answered_at]
    visitors_in = {by_visit[e.visit_id].visitor_id for e in entries if e.visit_id in by_visit}
    recurring = {by_visit[e.visit_id].visitor_id for e in entries
                 if e.visit_id in by_visit and by_visit[e.visit_id].kind == "recurring"}
    return {
        "since": since.isoformat(), "until": until.isoformat(),
        "unique_visitors": len(visitors_in), "entries": len(entries),
        "visitors_per_day": round(len(entries) / days, 2),
        "per_day": [{"day": (since + timedelta(d)).isoformat(),
                     "entries": per_day.get((since + timedelta(d)).isoformat(), 0)}
                    for d in range(days)],
        "per_hour": [{"hour": h, "entries": hours.get(h, 0)} for h in range(24)],
        "peak_hour": max(hours, key=lambda h: (hours[h], -h)) if hours else None,
        "approval_rate": round(approved / len(answered), 4) if answered else None,
        "average_stay_minutes": round(sum(stays) / len(stays), 1) if stays else None,
        "recurring_visitors": len(recurring), "one_off_visitors": len(visitors_in - recurring),
        "methods": dict(Counter(e.method for e in entries)),
        "pre_registration_rate": round(sum(v.pre_registered for v in visits) / len(visits), 4)
        if visits else None,
        "average_response_seconds": round(sum(waits) / len(waits), 1) if waits else None,
    }
