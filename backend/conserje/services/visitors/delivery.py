"""The visitor's pass, sent to the visitor (seed 003: the QR goes out by WhatsApp, e-mail
or SMS): the e-mail carries the QR as a PNG and the validity; WhatsApp and SMS gateways
get the text with the QR's payload. Sent through the configured channels once the
transaction commits; channels that need an account (in-app, Web Push) are skipped."""
from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from conserje.models import Condominium, Visit
from conserje.services.core.deps import Deps
from conserje.services.core.errors import Conflict
from conserje.services.core.ports import Message
from conserje.services.visitors import passes
from conserje.services.visitors.journal import record_change
from conserje.services.visitors.registry import profile_of
from conserje.services.visitors.settings import local_time

PASS_CHANNELS = ("email", "whatsapp", "sms")


def contacts(session: Session, visit: Visit) -> dict[str, str | None]:
    """Where each channel reaches the visitor (WhatsApp falls back to the phone)."""
    person = visit.visitor
    profile = profile_of(session, person.id)
    whatsapp = profile.whatsapp if profile is not None else None
    return {"email": person.email, "whatsapp": whatsapp or person.phone,
            "sms": person.phone or whatsapp}


def _message(session: Session, deps: Deps, visit: Visit) -> Message:
    row = passes.pass_for_visit(session, visit)
    condo = session.get(Condominium, visit.condominium_id)
    text = passes.payload(session, deps.secret, row)
    start, end = (local_time(session, visit.condominium_id, moment)
                  for moment in (row.valid_from, row.valid_until))
    title = f"Su pase de visita a {condo.name}"
    body = (f"Hola {visit.visitor.first_name}: tiene un pase para visitar la unidad "
            f"{visit.unit.code} de {condo.name}, válido del {start:%d/%m/%Y %H:%M} al "
            f"{end:%d/%m/%Y %H:%M}. Muestre el código QR en portería.\n\nCódigo: {text}")
    data = {"visit": visit.public_id, "unit": visit.unit.code, "qr_payload": text,
            "valid_from": row.valid_from.isoformat(), "valid_until": row.valid_until.isoformat()}
    return Message(user_id=None, email=None, topic="visit_pass", title=title, body=body,
                   data=data, attachments=((f"pase-{visit.id}.png", "image/png",
                                            passes.render(text, "png")),))


def send_pass(session: Session, deps: Deps, visit: Visit, actor_id: int | None,
              required: bool = False) -> list[str]:
    """Hand the visit's current pass to every channel that reaches the visitor; return
    the channels that took it. ``required`` (a resend asked for by hand) turns "nobody
    to send to" into a Conflict instead of a quiet no-op."""
    reach = contacts(session, visit)
    if not any(reach.values()):
        if required:
            raise Conflict("the visitor has no e-mail or phone to send the pass to",
                           {"visitor": ["no_contact"]})
        return []
    if not visit.is_active:
        raise Conflict("this visit was deactivated", {"visit": ["inactive"]})
    message = _message(session, deps, visit)
    sent = []
    for channel in deps.channels:
        to = reach.get(channel.name) if channel.name in PASS_CHANNELS else None
        if not to:
            continue
        addressed = replace(message, **({"email": to} if channel.name == "email"
                                        else {"phone": to}))
        if channel.deliver(session, visit.condominium_id, [addressed]):
            sent.append(channel.name)
    if not sent and required:
        raise Conflict("no channel that reaches the visitor is configured",
                       {"channels": ["none_configured"]})
    if sent:
        record_change(session, visit, visit.status, actor_id, "pass sent by " + ", ".join(sent))
    return sent
