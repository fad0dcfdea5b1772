"""Visits: pre-registration with a signed QR pass, walk-ins with a photo and the
resident's answer, entries, exits, history, deactivation, renewal; QR scans at a gate."""
from __future__ import annotations

from flask import make_response, request
from flask_smorest import Blueprint

from conserje.api.core.context import current_actor
from conserje.api.core.crud import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from conserje.api.gate.gates import gate_caller
from conserje.extensions import db
from conserje.schemas.core.common import BINARY
from conserje.schemas.visitors import (
    AnswerRequest,
    AuthorisationSchema,
    EntryRequest,
    ExitRequest,
    PassageSchema,
    PassDeliverySchema,
    QrFrameUpload,
    ReasonRequest,
    RenewRequest,
    ScanRequest,
    ScanResultSchema,
    TimelineSchema,
    VisitCreate,
    VisitPhotoUpload,
    VisitQuery,
    VisitSchema,
    WalkInForm,
)
from conserje.services.access.stream import on_duty_guard
from conserje.services.core.errors import InvalidInput, NotFound
from conserje.services.visitors import approvals, delivery, journal, passages, passes, visits, watch
from conserje.wiring import deps

blp = Blueprint("visits", __name__, url_prefix="/api/v1/visits",
                description="Visits: pre-registration, QR passes, walk-ins, entries, exits")
scans_blp = Blueprint("qr_scans", __name__, url_prefix="/api/v1/gates",
                      description="QR passes scanned at a gate")
DEVICE_SECURITY = [{"bearerAuth": []}]
WALK_IN_FIELDS = ("first_name", "last_name", "doc_type", "doc_number", "phone", "plate")


def with_pass(visit):
    """Attach the visit's current pass (QR text and image links) for the schema."""
    row = passes.current_pass(db.session, visit)
    visit.pass_view = None if row is None else {
        "id": row.public_id,
        "qr_payload": passes.payload(db.session, deps().secret, row),
        "png_url": f"/api/v1/visits/{visit.id}/pass.png",
        "svg_url": f"/api/v1/visits/{visit.id}/pass.svg",
        "valid_from": row.valid_from.isoformat(), "valid_until": row.valid_until.isoformat(),
        "entries_allowed": row.entries_allowed, "entries_used": row.entries_used,
        "key_id": f"{row.key_version}"}
    return visit


@blp.route("", methods=["POST"])
@blp.arguments(VisitCreate)
@blp.response(201, VisitSchema)
@blp.doc(summary="Pre-register a visitor for one of your units; returns the visit and its pass")
def create_visit(data):
    actor = current_actor()
    visit = visits.pre_register(db.session, actor, data)
    # Seed 003: the pass goes to the visitor's e-mail / WhatsApp / SMS (after the commit).
    visit.pass_sent_by = delivery.send_pass(db.session, deps(), visit, actor.user_id)
    db.session.commit()
    return with_pass(visit)


@blp.route("", methods=["GET"])
@blp.arguments(VisitQuery, location="query")
@blp.response(200, VisitSchema(many=True))
@blp.paginate(page_size=DEFAULT_PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
@blp.doc(summary="Visits, newest first (residents: their units')")
def list_visits(filters, pagination_parameters):
    page = visits.list_visits(db.session, current_actor(), filters, pagination_parameters.page,
                              pagination_parameters.page_size)
    pagination_parameters.item_count = page.total
    return page.items


@blp.route("/inside", methods=["GET"])
@blp.response(200, VisitSchema(many=True))
@blp.doc(summary="Visitors inside now, longest stay first")
def inside():
    return passages.inside_now(db.session, current_actor())


@blp.route("/walk-ins", methods=["POST"])
@blp.arguments(WalkInForm, location="form", content_type="multipart/form-data")
@blp.response(201, VisitSchema)
@blp.alt_response(422, response="DEFAULT_ERROR", description="errors.files.photo says why "
                  "the photo was refused (missing, frame_too_small, no_face, too_dark...)")
@blp.doc(summary="A guard registers a visitor without pre-registration; the unit is asked")
def walk_in(form):
    upload = request.files.get("photo")
    data = {"gate_id": form["gate_id"], "unit_id": form["unit_id"], "notes": form.get("notes"),
            "biometric_consent": form.get("biometric_consent", False),
            "visitor": {k: form.get(k) for k in WALK_IN_FIELDS}}
    visit, raised = approvals.register_walk_in(db.session, current_actor(), deps(),
                                               data, upload.read() if upload else None)
    db.session.commit()
    visit.raised_alerts = raised
    return with_pass(visit)


@blp.route("/<int:visit_id>", methods=["GET"])
@blp.response(200, VisitSchema)
@blp.doc(summary="One visit with its current pass")
def get_visit(visit_id):
    return with_pass(visits.get_visit(db.session, current_actor(), visit_id))


@blp.route("/<int:visit_id>/history", methods=["GET"])
@blp.response(200, TimelineSchema)
@blp.doc(summary="Every state change, authorisation and passage of the visit")
def visit_history(visit_id):
    return journal.timeline(db.session, visits.get_visit(db.session, current_actor(), visit_id))


@blp.route("/<int:visit_id>/photo", methods=["GET"])
@blp.response(200, BINARY, description="The visitor's photo at the gate (JPEG)",
              content_type="image/jpeg")
@blp.doc(summary="The walk-in photo (residents of the unit see it to answer)")
def visit_photo(visit_id):
    visit = visits.get_visit(db.session, current_actor(), visit_id)
    thumb = request.args.get("thumb") == "1"
    try:
        data = deps().store.get(visit.photo_key + (".thumb.jpg" if thumb else "")) \
            if visit.photo_key else None
    except KeyError:
        data = None
    if data is None:
        raise NotFound("no photo for this visit")
    response = make_response(data)
    response.headers["Content-Type"] = "image/jpeg"
    response.headers["Cache-Control"] = "no-store"
    return response


@blp.route("/<int:visit_id>/photo", methods=["POST"])
@blp.arguments(VisitPhotoUpload, location="form", content_type="multipart/form-data")
@blp.response(200, VisitSchema)
@blp.alt_response(422, response="DEFAULT_ERROR", description="errors.files.photo says why "
                  "the photo was refused (missing, frame_too_small, no_face, too_dark...)")
@blp.doc(summary="Attach the visitor's photo to a pre-registration (the guard compares it)")
def attach_photo(form, visit_id):
    upload = request.files.get("photo")
    visit = visits.attach_photo(db.session, current_actor(), deps(), visit_id,
                                upload.read() if upload else None)
    db.session.commit()
    return with_pass(visit)


def _image(visit_id: int, kind: str):
    visit = visits.get_visit(db.session, current_actor(), visit_id)
    row = passes.pass_for_visit(db.session, visit)
    text = passes.payload(db.session, deps().secret, row)
    response = make_response(passes.render(text, kind))
    response.headers["Content-Type"] = "image/png" if kind == "png" else "image/svg+xml"
    response.headers["Content-Disposition"] = f'inline; filename="pass-{visit.id}.{kind}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@blp.route("/<int:visit_id>/pass.png", methods=["GET"])
@blp.response(200, BINARY, description="The pass's QR code", content_type="image/png")
@blp.doc(summary="The current pass as a PNG QR code")
def pass_png(visit_id):
    return _image(visit_id, "png")


@blp.route("/<int:visit_id>/pass.svg", methods=["GET"])
@blp.response(200, BINARY, description="The pass's QR code", content_type="image/svg+xml")
@blp.doc(summary="The current pass as an SVG QR code")
def pass_svg(visit_id):
    return _image(visit_id, "svg")


@blp.route("/<int:visit_id>/pass/revoke", methods=["POST"])
@blp.response(200, VisitSchema)
@blp.doc(summary="Revoke the visit's current pass")
def revoke_pass(visit_id):
    actor = current_actor()
    visit = visits.get_visit(db.session, actor, visit_id)
    passes.revoke(db.session, actor, visit)
    db.session.commit()
    return with_pass(visit)


@blp.route("/<int:visit_id>/pass/reissue", methods=["POST"])
@blp.response(201, VisitSchema)
@blp.doc(summary="Revoke the current pass and issue a new one (entries left carry over)")
def reissue_pass(visit_id):
    actor = current_actor()
    visit = visits.get_visit(db.session, actor, visit_id)
    passes.reissue(db.session, actor, visit)
    db.session.commit()
    return with_pass(visit)


@blp.route("/<int:visit_id>/pass/send", methods=["POST"])
@blp.response(200, PassDeliverySchema)
@blp.doc(summary="Send the current pass to the visitor again (e-mail, WhatsApp, SMS)")
def send_pass(visit_id):
    actor = current_actor()
    visit = visits.get_visit(db.session, actor, visit_id)
    sent = delivery.send_pass(db.session, deps(), visit, actor.user_id, required=True)
    db.session.commit()
    return {"sent_by": sent}


@blp.route("/<int:visit_id>/answer", methods=["POST"])
@blp.arguments(AnswerRequest)
@blp.response(200, AuthorisationSchema)
@blp.doc(summary="Approve or deny a walk-in (the first answer wins; late = retroactive)")
def answer(data, visit_id):
    actor = current_actor()
    visit = visits.get_visit(db.session, actor, visit_id)
    row = approvals.answer(db.session, actor, deps(), visit,
                           data["decision"] == "approve", data["channel"], data.get("reason"))
    db.session.commit()
    return row


@blp.route("/<int:visit_id>/entry", methods=["POST"])
@blp.arguments(EntryRequest)
@blp.response(201, PassageSchema)
@blp.doc(summary="Let an approved visitor in (logged in the access log)")
def record_entry(data, visit_id):
    actor = current_actor()
    visit = visits.get_visit(db.session, actor, visit_id)
    passage = passages.record_entry(db.session, actor, deps(), visit, data["gate_id"],
                                    data["method"], data.get("plate"), data.get("notes"))
    db.session.commit()
    return passage


@blp.route("/<int:visit_id>/exit", methods=["POST"])
@blp.arguments(ExitRequest)
@blp.response(201, PassageSchema)
@blp.doc(summary="Record the visitor's exit")
def record_exit(data, visit_id):
    actor = current_actor()
    visit = visits.get_visit(db.session, actor, visit_id)
    passage = passages.record_exit(db.session, actor, deps(), visit, data["gate_id"],
                                   data.get("notes"))
    db.session.commit()
    return passage


@blp.route("/<int:visit_id>/exit-reminder", methods=["POST"])
@blp.response(204)
@blp.doc(summary="Ask the unit to remind its visitor to leave")
def exit_reminder(visit_id):
    actor = current_actor()
    visit = visits.get_visit(db.session, actor, visit_id)
    watch.remind_exit(db.session, actor, deps(), visit)
    db.session.commit()


@blp.route("/<int:visit_id>/deactivate", methods=["POST"])
@blp.arguments(ReasonRequest)
@blp.response(200, VisitSchema)
@blp.doc(summary="Deactivate a visit with a reason (visits are never deleted)")
def deactivate(data, visit_id):
    visit = visits.deactivate(db.session, current_actor(), visit_id, data["reason"])
    db.session.commit()
    return with_pass(visit)


@blp.route("/<int:visit_id>/renew", methods=["POST"])
@blp.arguments(RenewRequest)
@blp.response(200, VisitSchema)
@blp.doc(summary="Renew a recurring visitor until a new date (a new pass)")
def renew(data, visit_id):
    visit = visits.renew(db.session, current_actor(), visit_id, data["valid_until"])
    db.session.commit()
    return with_pass(visit)


def _scan_actor(gate_id: int):
    """A guard's JWT, or the gate's kiosk token (acting as the guard on duty, if any)."""
    from dataclasses import replace


    caller = gate_caller(gate_id)
    if caller.device is None:
        return caller.actor
    # The kiosk is bound to this gate (checked above); for the scan it stands in for the
    # gate's guard, and the event names the guard on duty.
    return replace(caller.actor, roles=frozenset({"guard"}),
                   user_id=on_duty_guard(deps().redis, caller.actor.condominium_id))


def _scan(gate_id: int, text: str) -> dict:
    result = passages.scan(db.session, _scan_actor(gate_id), deps(), gate_id, text)
    db.session.commit()
    visit = with_pass(result.visit) if result.visit is not None else None
    return {"decision": result.decision, "reason": result.reason, "event_id": result.event_id,
            "visit": visit}


@scans_blp.route("/<int:gate_id>/qr-scans", methods=["POST"])
@scans_blp.arguments(ScanRequest)
@scans_blp.response(200, ScanResultSchema)
@scans_blp.doc(summary="Check a scanned visitor pass and log the entry or the refusal "
                       "(a guard's JWT or the gate's kiosk token)", security=DEVICE_SECURITY)
def qr_scan(data, gate_id):
    return _scan(gate_id, data["payload"])


@scans_blp.route("/<int:gate_id>/qr-frames", methods=["POST"])
@scans_blp.arguments(QrFrameUpload, location="form", content_type="multipart/form-data")
@scans_blp.response(200, ScanResultSchema)
@scans_blp.alt_response(422, response="DEFAULT_ERROR",
                        description="errors.files.image: no_qr when no code is readable")
@scans_blp.doc(summary="A camera frame showing a pass: the QR is read here, then scanned "
                       "(for browsers without a barcode reader)", security=DEVICE_SECURITY)
def qr_frame(form, gate_id):
    passages.gate_for_scans(db.session, _scan_actor(gate_id), gate_id)  # 404/403 first
    upload = request.files.get("image")
    if upload is None:
        raise InvalidInput("send the frame as the multipart field `image`",
                           {"image": ["missing"]}, location="files")
    return _scan(gate_id, passes.read_qr(upload.read()))
