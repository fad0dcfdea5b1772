"""Identity documents: Chile's RUT and Brazil's CPF check digits, and normalisation."""
from __future__ import annotations

import re

from .errors import InvalidInput


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


def normalise_document(doc_type: str, number: str) -> str:
    """Normalise a document number for storage and lookups."""
    if doc_type == "rut":
        return normalise_rut(number)
    if doc_type == "cpf":
        return normalise_cpf(number)
    compact = re.sub(r"\s+", "", number).upper()
    if not compact:
        raise InvalidInput("invalid document", {"doc_number": ["document number is empty"]})
    return compact
