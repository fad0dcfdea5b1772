"""The pass goes to the visitor (seed 003: "QR Code enviado ao visitante por WhatsApp,
E-mail, SMS"): on pre-registration when the visitor's e-mail or phone is given, and again
on request. E-mail through a real local SMTP server (aiosmtpd), WhatsApp/SMS gateways
checked at their HTTP boundary."""
from __future__ import annotations

import email
import hashlib
import hmac
import json
from datetime import datetime

import cv2
import numpy as np
import pytest
import responses

from conserje.wiring import build_deps
from tests.api.visitors.test_visits import CPF, scan
from tests.services.finance.test_reminders import smtp  # noqa: F401  (the fixture)

WHATSAPP_URL = "https://gateway.example.test/whatsapp"
SMS_URL = "https://gateway.example.test/sms"


@pytest.fixture
def channels(app, monkeypatch, smtp):  # noqa: F811
    """E-mail, WhatsApp and SMS configured as in production (CONSERJE_* settings)."""
    inbox, settings = smtp
    for key, value in {"SMTP_HOST": settings.host, "SMTP_PORT": settings.port,
                       "SMTP_STARTTLS": False, "WHATSAPP_WEBHOOK_URL": WHATSAPP_URL,
                       "WHATSAPP_WEBHOOK_SECRET": "wa-secret", "SMS_WEBHOOK_URL": SMS_URL,
                       "SMS_WEBHOOK_SECRET": "sms-secret"}.items():
        monkeypatch.setitem(app.config, key, value)
    # The app's dependencies were built from the configuration at start: rebuild them.
    monkeypatch.setitem(app.extensions, "conserje_deps",
                        build_deps(app.config, app.extensions["conserje_redis"]))
    with responses.RequestsMock(assert_all_requests_are_fired=False) as gateway:
        gateway.add(responses.POST, WHATSAPP_URL, json={"ok": True})
        gateway.add(responses.POST, SMS_URL, json={"ok": True})
        yield inbox, gateway


def pre_register(client, headers, unit_id, **visitor):
    return client.post("/api/v1/visits", headers=headers, json={
        "unit_id": unit_id, "kind": "single", "visitor": {
            "first_name": "Paula", "last_name": "Lima", "doc_type": "cpf",
            "doc_number": CPF, **visitor}})


def hooks(gateway, url):
    return [json.loads(c.request.body) for c in gateway.calls if c.request.url == url]


def test_the_pass_goes_to_the_visitor_by_email_whatsapp_and_sms(client, world, login,
                                                                 channels):
    inbox, gateway = channels
    ana, guard = login("ana@a.test"), login("guard@a.test")
    res = pre_register(client, ana, world.ids["unit1"], email="paula@example.test",
                       phone="+5511988887777", whatsapp="+5511977776666")
    assert res.status_code == 201, res.json
    visit = res.json
    assert visit["pass_sent_by"] == ["email", "whatsapp", "sms"]
    # The e-mail: the validity in the text, the QR as a PNG that reads back as the pass.
    [(to, raw)] = inbox.mails
    assert to == ["paula@example.test"]
    mail = email.message_from_string(raw)
    text = next(p for p in mail.walk() if p.get_content_type() == "text/plain")
    body = text.get_payload(decode=True).decode()
    assert "Paula" in body and "A-101" in body and "válido del" in body
    [png] = [p for p in mail.walk() if p.get_content_type() == "image/png"]
    image = cv2.imdecode(np.frombuffer(png.get_payload(decode=True), np.uint8), 1)
    assert cv2.QRCodeDetectorAruco().detectAndDecode(image)[0] == visit["pass"]["qr_payload"]
    # WhatsApp and SMS: signed JSON with the payload and the validity.
    [wa] = hooks(gateway, WHATSAPP_URL)
    [sms] = hooks(gateway, SMS_URL)
    assert wa["to"] == "+5511977776666" and sms["to"] == "+5511988887777"
    assert wa["topic"] == "visit_pass" and wa["data"]["qr_payload"] == visit["pass"]["qr_payload"]
    assert datetime.fromisoformat(wa["data"]["valid_until"]) == datetime.fromisoformat(
        visit["pass"]["valid_until"])
    call = next(c.request for c in gateway.calls if c.request.url == SMS_URL)
    assert call.headers["X-Conserje-Signature"] == "sha256=" + hmac.new(
        b"sms-secret", call.body, hashlib.sha256).hexdigest()
    # The pass that was sent opens the gate.
    assert scan(client, guard, world.ids["gate"],
                wa["data"]["qr_payload"]).json["decision"] == "granted"


def test_resend_after_reissue_sends_the_new_pass(client, world, login, channels):
    inbox, gateway = channels
    ana = login("ana@a.test")
    visit = pre_register(client, ana, world.ids["unit1"], email="paula@example.test").json
    assert visit["pass_sent_by"] == ["email"] and hooks(gateway, SMS_URL) == []
    new = client.post(f"/api/v1/visits/{visit['id']}/pass/reissue", headers=ana).json
    res = client.post(f"/api/v1/visits/{visit['id']}/pass/send", headers=ana)
    assert res.status_code == 200 and res.json == {"sent_by": ["email"]}
    assert len(inbox.mails) == 2 and new["pass"]["qr_payload"] != visit["pass"]["qr_payload"]
    body = email.message_from_string(inbox.mails[1][1])
    text = next(p for p in body.walk() if p.get_content_type() == "text/plain")
    assert new["pass"]["qr_payload"] in text.get_payload(decode=True).decode()
    history = client.get(f"/api/v1/visits/{visit['id']}/history", headers=ana).json
    assert [c["note"] for c in history["changes"]].count("pass sent by email") == 2


def test_resend_refusals(client, world, login, channels):
    inbox, _ = channels
    ana, bruno = login("ana@a.test"), login("bruno@a.test")
    silent = pre_register(client, ana, world.ids["unit1"]).json  # no e-mail, no phone
    assert silent["pass_sent_by"] == [] and inbox.mails == []
    res = client.post(f"/api/v1/visits/{silent['id']}/pass/send", headers=ana)
    assert res.status_code == 409 and res.json["errors"]["json"]["visitor"] == ["no_contact"]
    other = pre_register(client, bruno, world.ids["unit2"], email="x@example.test").json
    assert client.post(f"/api/v1/visits/{other['id']}/pass/send",
                       headers=ana).status_code == 404
    client.post(f"/api/v1/visits/{other['id']}/deactivate", json={"reason": "no"},
                headers=bruno)
    gone = client.post(f"/api/v1/visits/{other['id']}/pass/send", headers=bruno)
    assert gone.status_code == 409 and gone.json["errors"]["json"]["visit"] == ["inactive"]
    assert len(inbox.mails) == 1  # only the pre-registration's


def test_resend_without_channels_says_so(client, world, login):
    ana = login("ana@a.test")
    visit = pre_register(client, ana, world.ids["unit1"], phone="+5511988887777").json
    assert visit["pass_sent_by"] == []  # no gateway configured: nothing to send by
    res = client.post(f"/api/v1/visits/{visit['id']}/pass/send", headers=ana)
    assert res.status_code == 409
    assert res.json["errors"]["json"]["channels"] == ["none_configured"]
