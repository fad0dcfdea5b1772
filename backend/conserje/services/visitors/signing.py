"""Compact QR pass payloads signed with Ed25519.

Text in the QR: ``CJ1.<base64url(JSON claims)>.<base64url(signature)>``. The claims are
the pass id, the unit's public id, the validity window, the entry type, the issue time and
the key id ``<condominium public id>.<version>``. Keys are never stored: each
condominium's key of each version is derived (HKDF-SHA256) from the application secret,
so rotating is bumping the version, and a pass from another condominium is recognised as
such (its signature checks out under that condominium's key, not ours).
"""
from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime, timezone

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

PREFIX = "CJ1"
HKDF_SALT = b"conserje-visit-pass-v1"


@dataclass(frozen=True)
class Claims:
    pass_id: str
    unit_id: str  # the unit's public id
    valid_from: datetime
    valid_until: datetime
    entry_type: str  # "single" or "multiple"
    issued_at: datetime
    condominium_public_id: str
    key_version: int


class PassFormatError(ValueError):
    """The text is not a Conserje pass at all (reason ``malformed``)."""


def derive_key(secret: str, condominium_public_id: str, version: int) -> Ed25519PrivateKey:
    """The condominium's signing key of ``version`` (32 bytes of HKDF as the seed)."""
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=HKDF_SALT,
                info=f"{condominium_public_id}.{version}".encode()).derive(secret.encode())
    return Ed25519PrivateKey.from_private_bytes(seed)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def _moment(value) -> datetime:
    if not isinstance(value, int):
        raise PassFormatError("times are integer seconds")
    return datetime.fromtimestamp(value, timezone.utc)


def sign(secret: str, claims: Claims) -> str:
    """The QR text for ``claims``."""
    body = json.dumps({
        "p": claims.pass_id, "u": claims.unit_id, "f": _epoch(claims.valid_from),
        "t": _epoch(claims.valid_until), "e": "s" if claims.entry_type == "single" else "m",
        "i": _epoch(claims.issued_at),
        "k": f"{claims.condominium_public_id}.{claims.key_version}"},
        separators=(",", ":"), sort_keys=True).encode()
    segment = _b64(body)
    key = derive_key(secret, claims.condominium_public_id, claims.key_version)
    return f"{PREFIX}.{segment}.{_b64(key.sign(segment.encode()))}"


def parse(text: str) -> tuple[Claims, str, bytes]:
    """The claims, the signed segment and the signature, unverified; PassFormatError
    when the text is not a well-formed pass."""
    parts = (text or "").strip().split(".")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise PassFormatError("not a Conserje pass")
    try:
        raw = json.loads(_unb64(parts[1]))
        signature = _unb64(parts[2])
        condo, _, version = str(raw["k"]).rpartition(".")
        claims = Claims(str(raw["p"]), str(raw["u"]), _moment(raw["f"]), _moment(raw["t"]),
                        "single" if raw["e"] == "s" else "multiple", _moment(raw["i"]),
                        condo, int(version))
    except (binascii.Error, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PassFormatError(str(exc)) from None
    return claims, parts[1], signature


def signature_valid(secret: str, claims: Claims, segment: str, signature: bytes) -> bool:
    """Whether ``signature`` is the condominium's signature of ``segment``."""
    key = derive_key(secret, claims.condominium_public_id, claims.key_version).public_key()
    try:
        key.verify(signature, segment.encode())
    except InvalidSignature:
        return False
    return True
