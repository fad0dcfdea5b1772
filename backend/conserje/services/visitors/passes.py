"""QR passes of visits: issue (signed), revoke, re-issue, render as PNG or SVG, and
spend an entry atomically (a conditional UPDATE: single-entry passes open once, however
many scans race for them)."""
from __future__ import annotations

import io
from datetime import datetime

import cv2
import segno
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from conserje.models import Condominium, Visit, VisitPass
from conserje.models.base import utcnow
from conserje.services.core.actor import Actor
from conserje.services.core.errors import Conflict, InvalidInput, NotFound
from conserje.services.visitors import signing
from conserje.services.visitors.journal import record_change
from conserje.services.visitors.settings import get_settings
from vision.images import ImageError, decode_image

UNLIMITED_KINDS = frozenset({"period", "recurring", "vip"})


def current_pass(session: Session, visit: Visit) -> VisitPass | None:
    """The visit's newest pass that is not revoked."""
    return session.scalars(select(VisitPass).where(
        VisitPass.visit_id == visit.id, VisitPass.revoked_at.is_(None))
        .order_by(VisitPass.id.desc())).first()


def issue(session: Session, visit: Visit, entries_allowed: int | None,
          valid_from: datetime | None = None, valid_until: datetime | None = None
          ) -> VisitPass:
    """A new pass for ``visit`` (its window unless another is given)."""
    settings = get_settings(session, visit.condominium_id)
    row = VisitPass(condominium_id=visit.condominium_id, visit_id=visit.id,
                    key_version=settings.pass_key_version,
                    valid_from=valid_from or visit.valid_from,
                    valid_until=valid_until or visit.valid_until,
                    entries_allowed=entries_allowed, entries_used=0,
                    issued_at=utcnow().replace(microsecond=0))
    session.add(row)
    session.flush()
    return row


def payload(session: Session, secret: str, row: VisitPass) -> str:
    """The exact text of the pass's QR code."""
    condo = session.get(Condominium, row.condominium_id)
    visit = row.visit
    return signing.sign(secret, signing.Claims(
        pass_id=row.public_id, unit_id=visit.unit.public_id, valid_from=row.valid_from,
        valid_until=row.valid_until,
        entry_type="single" if row.entries_allowed == 1 else "multiple",
        issued_at=row.issued_at, condominium_public_id=condo.public_id,
        key_version=row.key_version))


def revoke(session: Session, actor: Actor, visit: Visit) -> VisitPass:
    """Revoke the visit's current pass (the visit itself stays, RN-105)."""
    row = current_pass(session, visit)
    if row is None:
        raise Conflict("this visit has no valid pass to revoke")
    row.revoked_at, row.revoked_by_id = utcnow(), actor.user_id
    session.flush()
    record_change(session, visit, visit.status, actor.user_id, "pass revoked")
    return row


def reissue(session: Session, actor: Actor, visit: Visit) -> VisitPass:
    """Revoke the current pass (if any) and issue a fresh one with the entries left."""
    if visit.status in ("denied", "cancelled", "expired", "left") and visit.kind == "single":
        raise Conflict(f"a {visit.status} visit gets no new pass")
    if not visit.is_active:
        raise Conflict("this visit was deactivated")
    old = current_pass(session, visit)
    allowed = None
    if old is not None:
        old.revoked_at, old.revoked_by_id = utcnow(), actor.user_id
        if old.entries_allowed is not None:
            allowed = max(old.entries_allowed - old.entries_used, 0)
            if allowed == 0:
                raise Conflict("every entry of this pass was used")
    elif visit.kind not in UNLIMITED_KINDS:
        allowed = 1
    row = issue(session, visit, allowed)
    record_change(session, visit, visit.status, actor.user_id, "pass re-issued")
    return row


def render(text: str, kind: str) -> bytes:
    """The QR code of ``text`` as PNG or SVG (error correction M, 4-module border)."""
    code = segno.make(text, error="m", micro=False)
    out = io.BytesIO()
    if kind == "png":
        code.save(out, kind="png", scale=6, border=4)
    else:
        code.save(out, kind="svg", scale=6, border=4, xmldecl=True)
    return out.getvalue()


def pass_for_visit(session: Session, visit: Visit, pass_id: int | None = None) -> VisitPass:
    row = current_pass(session, visit) if pass_id is None else session.get(VisitPass, pass_id)
    if row is None or row.visit_id != visit.id:
        raise NotFound("this visit has no valid pass")
    return row


def spend(session: Session, row: VisitPass, now: datetime) -> bool:
    """Count one entry if the pass still has one: one conditional UPDATE, so that of
    concurrent scans of a single-entry pass exactly one succeeds."""
    result = session.execute(
        update(VisitPass).where(
            VisitPass.id == row.id, VisitPass.revoked_at.is_(None),
            VisitPass.valid_until >= now,
            or_(VisitPass.entries_allowed.is_(None),
                VisitPass.entries_used < VisitPass.entries_allowed))
        .values(entries_used=VisitPass.entries_used + 1)
        .execution_options(synchronize_session=False))
    if result.rowcount == 1:
        session.refresh(row)
        return True
    return False


def read_qr(data: bytes) -> str:
    """The text of the QR code in a camera frame (for browsers without a barcode API);
    InvalidInput ``no_qr`` when none is readable."""
    try:
        image = decode_image(data, max_pixels=4096 * 4096)
    except ImageError as exc:
        raise InvalidInput(str(exc), {"image": [exc.code]}, location="files") from exc
    # The ArUco-based detector reads dense codes (version 14 here) far more reliably; the
    # classic one is the fallback.
    text = ""
    for detector in (cv2.QRCodeDetectorAruco(), cv2.QRCodeDetector()):
        text = detector.detectAndDecode(image)[0]
        if text:
            break
    if not text:
        raise InvalidInput("no QR code found in the frame", {"image": ["no_qr"]},
                           location="files")
    return text
