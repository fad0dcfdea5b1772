"""A walk-in request reaches the unit's residents on every channel: in-app, real SMTP (a
local aiosmtpd server), Web Push (VAPID + aes128gcm, checked at the push service's HTTP
boundary) and WhatsApp/SMS gateways (signed JSON webhooks, checked at their boundary)."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json

import responses
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from conserje import wiring
from conserje.extensions import db, redis_store
from conserje.models import AppNotification, PushSubscription, Visit
from conserje.services.core.deps import Deps
from conserje.services.notifications.channels import (
    EmailChannel,
    InAppChannel,
    VapidSettings,
    WebhookChannel,
    WebhookSettings,
    WebPushChannel,
)
from conserje.services.visitors.journal import tell_residents
from tests.services.finance.test_reminders import smtp  # noqa: F401  (the fixture)

PUSH_URL = "https://push.example.test/send/abc"
HOOK_URL = "https://gateway.example.test/whatsapp"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def vapid_key() -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    return b64(key.private_bytes(serialization.Encoding.DER,
                                 serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption()))


def browser_keys() -> tuple[str, str]:
    public = ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    return b64(public), b64(b"0123456789abcdef")


@responses.activate
def test_visit_request_goes_out_on_every_channel(app, world, client, login, smtp):  # noqa: F811
    inbox, smtp_settings = smtp
    ana = login("ana@a.test")
    res = client.post("/api/v1/visits", headers=ana, json={
        "unit_id": world.ids["unit1"], "kind": "single", "visitor": {
            "first_name": "Vis", "last_name": "Ita", "doc_type": "dni",
            "doc_number": "30123456"}})
    assert res.status_code == 201, res.json
    visit_id = res.json["id"]
    p256dh, auth = browser_keys()
    assert client.post("/api/v1/visitor-admin/push-subscriptions", headers=ana, json={
        "endpoint": PUSH_URL, "p256dh": p256dh, "auth": auth}).status_code == 204
    assert client.patch(f"/api/v1/people/{world.ids['person1']}", headers=ana,
                        json={"phone": "+56911112222"}).status_code == 200
    with app.app_context():
        _deliver(world, visit_id, smtp_settings)
    [(to, mail)] = inbox.mails
    assert to == ["ana@a.test"] and "¿Autoriza?" in mail and "Subject: Pedro" in mail


def _deliver(world, visit_id, smtp_settings):
    responses.add(responses.POST, PUSH_URL, status=201)
    responses.add(responses.POST, HOOK_URL, status=200, json={"ok": True})
    secret = "hook-secret"
    channels = [InAppChannel(redis_store.connection), EmailChannel(smtp_settings),
                WebPushChannel(VapidSettings(vapid_key(), "mailto:ops@conserje.test")),
                WebhookChannel("whatsapp", WebhookSettings(HOOK_URL, secret))]
    deps = Deps(redis_store.connection, wiring.deps().store, "secret", None, channels)
    visit = db.session.get(Visit, visit_id)
    assert tell_residents(db.session, deps, visit, "visit_request", "Pedro está en portería",
                          "¿Autoriza?", actions=True) == 1
    db.session.commit()

    assert db.session.query(AppNotification).filter_by(topic="visit_request").count() == 1
    push = next(c.request for c in responses.calls if c.request.url == PUSH_URL)
    assert push.headers["Authorization"].startswith("vapid t=")
    assert push.headers["Content-Encoding"] == "aes128gcm"
    assert int(push.headers["TTL"]) > 0 and len(push.body) > 100  # encrypted, not plain JSON
    assert b"visit_request" not in push.body
    hook = next(c.request for c in responses.calls if c.request.url == HOOK_URL)
    body = hook.body if isinstance(hook.body, bytes) else hook.body.encode()
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    assert hook.headers["X-Conserje-Signature"] == expected
    sent = json.loads(body)
    assert sent["to"] == "+56911112222" and sent["data"]["actions"] == ["approve", "deny"]
    assert sent["data"]["visit_id"] == visit_id
    assert db.session.query(PushSubscription).count() == 1


def test_the_spa_gets_the_vapid_public_key_to_subscribe(app, client, world, login,
                                                       monkeypatch):
    ana = login("ana@a.test")
    assert client.get("/api/v1/visitor-admin/push-key", headers=ana).json == {
        "public_key": None}  # push is off until a key pair is configured
    monkeypatch.setitem(app.config, "VAPID_PUBLIC_KEY", "BPublicKey")
    assert client.get("/api/v1/visitor-admin/push-key", headers=ana).json == {
        "public_key": "BPublicKey"}
    assert client.get("/api/v1/visitor-admin/push-key").status_code == 401
    bad = client.post("/api/v1/visitor-admin/push-subscriptions", headers=ana,
                      json={"endpoint": "not a url", "p256dh": "x", "auth": "y"})
    assert bad.status_code == 422 and "endpoint" in bad.json["errors"]["json"]
