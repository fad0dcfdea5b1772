"""Identity documents: check digits where the document has them (Chile's RUT, Brazil's
CPF and CNH, Uruguay's CI), format rules for the others, and normalisation."""
from __future__ import annotations

import re

from conserje.services.core.errors import InvalidInput


def _rut_check_digit(body: str) -> str:
    total, factor = 0, 2
    for digit in reversed(body):
        total += int(digit) * factor
        factor = 2 if factor == 7 else factor + 1
    rest = 11 - total % 11
    return {11: "0", 10: "K"}.get(rest, str(rest))


def normalise_rut(raw: str) -> str:
    """Return ``12345678-5`` for any of ``12.345.678-5``, ``123456785``...; raise if invalid."""
    compact = re.sub(r"[.\-\s]", "", raw).upper()
    if not re.fullmatch(r"\d{1,8}[0-9K]", compact):
        raise InvalidInput("invalid RUT", {"doc_number": ["RUT must look like 12.345.678-5"]})
    body, dv = compact[:-1], compact[-1]
    if _rut_check_digit(body) != dv:
        raise InvalidInput("invalid RUT", {"doc_number": ["RUT check digit does not match"]})
    return f"{int(body)}-{dv}"


def _cpf_digit(digits: list[int]) -> int:
    weight = len(digits) + 1
    total = sum(d * (weight - i) for i, d in enumerate(digits))
    rest = total * 10 % 11
    return 0 if rest == 10 else rest


def normalise_cpf(raw: str) -> str:
    """Return the 11 CPF digits for ``123.456.789-09`` style input; raise if invalid."""
    compact = re.sub(r"[.\-\s]", "", raw)
    if not re.fullmatch(r"\d{11}", compact):
        raise InvalidInput("invalid CPF", {"doc_number": ["CPF must have 11 digits"]})
    digits = [int(c) for c in compact]
    # Repeated digits pass the arithmetic but are not issued numbers.
    if len(set(digits)) == 1 or _cpf_digit(digits[:9]) != digits[9] or \
            _cpf_digit(digits[:10]) != digits[10]:
        raise InvalidInput("invalid CPF", {"doc_number": ["CPF check digits do not match"]})
    return compact


def normalise_cnh(raw: str) -> str:
    """Brazil's driving licence (CNH): 11 digits, two check digits (DENATRAN rule)."""
    compact = re.sub(r"[.\-\s]", "", raw)
    if not re.fullmatch(r"\d{11}", compact) or len(set(compact)) == 1:
        raise InvalidInput("invalid CNH", {"doc_number": ["CNH must have 11 digits"]})
    digits = [int(c) for c in compact]
    first = sum(d * w for d, w in zip(digits[:9], range(9, 0, -1))) % 11
    shift = 2 if first >= 10 else 0
    first = 0 if first >= 10 else first
    second = (sum(d * w for d, w in zip(digits[:9], range(1, 10))) % 11 - shift) % 11
    second = 0 if second >= 10 else second
    if [first, second] != digits[9:]:
        raise InvalidInput("invalid CNH", {"doc_number": ["CNH check digits do not match"]})
    return compact


def normalise_ci(raw: str) -> str:
    """Uruguay's cédula (CI): up to 7 digits and a check digit (weights 2987634)."""
    compact = re.sub(r"[.\-\s]", "", raw)
    if not re.fullmatch(r"\d{7,8}", compact):
        raise InvalidInput("invalid CI", {"doc_number": ["CI must look like 1.234.567-2"]})
    body, dv = compact[:-1].rjust(7, "0"), int(compact[-1])
    total = sum(int(d) * w for d, w in zip(body, (2, 9, 8, 7, 6, 3, 4)))
    if (10 - total % 10) % 10 != dv:
        raise InvalidInput("invalid CI", {"doc_number": ["CI check digit does not match"]})
    return f"{int(body)}-{dv}"


# Documents without a check digit: only their shape is checked.
FORMATS = {
    "rg": (r"[0-9X]{5,14}", "RG must have 5 to 14 digits (the last may be X)"),
    "rne": (r"[A-Z0-9]{7,10}", "RNE must have 7 to 10 letters or digits"),
    "dni": (r"\d{7,8}", "DNI must have 7 or 8 digits"),
    "passport": (r"[A-Z0-9]{3,20}", "passport numbers have 3 to 20 letters or digits"),
}


def normalise_document(doc_type: str, number: str) -> str:
    """Normalise a document number for storage and lookups."""
    checked = {"rut": normalise_rut, "cpf": normalise_cpf, "cnh": normalise_cnh,
               "ci": normalise_ci}
    if doc_type in checked:
        return checked[doc_type](number)
    compact = re.sub(r"\s+", "", number).upper()
    if not compact:
        raise InvalidInput("invalid document", {"doc_number": ["document number is empty"]})
    if doc_type in FORMATS:
        compact = re.sub(r"[.\-]", "", compact)
        pattern, message = FORMATS[doc_type]
        if not re.fullmatch(pattern, compact):
            raise InvalidInput(f"invalid {doc_type.upper()}", {"doc_number": [message]})
    return compact
