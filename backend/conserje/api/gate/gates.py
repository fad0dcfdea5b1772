"""The gate kiosk and its devices: device tokens, frames, status, manual openings."""
from __future__ import annotations

from flask import request
from flask_smorest import Blueprint

from conserje.api.core.context import current_actor
from conserje.extensions import db
from conserje.models.base import utcnow
from conserje.schemas.access import AccessEventSchema
from conserje.schemas.gate.gates import (
    DeviceCreate,
    DeviceCreated,
    DeviceSchema,
    FrameResult,
    FrameUpload,
    GateStatus,
    ManualOpen,
)
from conserje.services.core.errors import Conflict, InvalidInput
from conserje.services.gate import devices, frames, guard_actions
from conserje.wiring import deps

blp = Blueprint("gate", __name__, url_prefix="/api/v1/gates",
                description="Gate kiosk: devices, frames, manual openings")
DEVICE_SECURITY = [{"bearerAuth": []}]


def gate_caller(gate_id: int) -> devices.GateCaller:
    """A kiosk's device token or a guard's JWT, for this gate."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and devices.is_device_token(token.strip()):
        return devices.authenticate_device(db.session, token.strip(), gate_id)
    return devices.user_caller(db.session, current_actor(), gate_id)


@blp.route("/<int:gate_id>/devices", methods=["POST"])
@blp.arguments(DeviceCreate)
@blp.response(201, DeviceCreated)
@blp.doc(summary="Register a kiosk for the gate; its token is shown only in this answer")
def create_device(data, gate_id):
    device, token = devices.create_device(db.session, current_actor(), gate_id, data["name"])
    db.session.commit()
    return {"id": device.id, "token": token}


@blp.route("/<int:gate_id>/devices", methods=["GET"])
@blp.response(200, DeviceSchema(many=True))
@blp.doc(summary="The gate's kiosks (revoked ones included)")
def list_devices(gate_id):
    return devices.list_devices(db.session, current_actor(), gate_id)


@blp.route("/<int:gate_id>/devices/<int:device_id>", methods=["DELETE"])
@blp.response(204)
@blp.doc(summary="Revoke a kiosk's token")
def revoke_device(gate_id, device_id):
    devices.revoke_device(db.session, current_actor(), gate_id, device_id)
    db.session.commit()


@blp.route("/<int:gate_id>/status", methods=["GET"])
@blp.response(200, GateStatus)
@blp.doc(summary="The gate as its kiosk sees it (device token or guard JWT)",
         security=DEVICE_SECURITY)
def gate_status(gate_id):
    caller = gate_caller(gate_id)
    gate = devices.load_gate(db.session, caller, gate_id)
    db.session.commit()  # the device's last_seen_at
    return {"id": gate.id, "name": gate.name, "direction": gate.direction, "kind": gate.kind,
            "is_active": gate.is_active, "server_time": utcnow(),
            "device_name": caller.device.name if caller.device else None}


@blp.route("/<int:gate_id>/frames", methods=["POST"])
@blp.arguments(FrameUpload, location="form", content_type="multipart/form-data")
@blp.response(200, FrameResult)
@blp.alt_response(422, response="DEFAULT_ERROR",
                  description="Not a usable frame: errors.files.image says why (empty, "
                              "not_an_image, truncated, too_large, unsupported_type, missing)")
@blp.doc(summary="Recognise the faces in a webcam frame and decide (device token or guard JWT)",
         security=DEVICE_SECURITY)
def post_frame(form, gate_id):
    caller = gate_caller(gate_id)
    gate = devices.load_gate(db.session, caller, gate_id)
    if not gate.is_active:
        raise Conflict("this gate is disabled")
    upload = request.files.get("image")
    if upload is None:
        raise InvalidInput("send the frame as the multipart field `image`",
                           {"image": ["missing"]}, location="files")
    result = frames.process_frame(db.session, caller, gate, upload.read(), upload.mimetype,
                                  form.get("direction"), deps())
    db.session.commit()
    return result


@blp.route("/<int:gate_id>/manual-open", methods=["POST"])
@blp.arguments(ManualOpen)
@blp.response(201, AccessEventSchema)
@blp.doc(summary="Log a gate opened by hand by the guard, with the reason")
def manual_open(data, gate_id):
    event = guard_actions.manual_open(db.session, current_actor(), deps().redis,
                                      gate_id, data["reason"], data.get("direction"),
                                      data.get("person_id"))
    db.session.commit()
    return event
