"""RUT and CPF check digits and normalisation."""
from __future__ import annotations

import pytest

from conserje.services.core.errors import InvalidInput
from conserje.services.setup.documents import normalise_cpf, normalise_document, normalise_rut
from conserje.services.setup.vehicles import normalise_plate


@pytest.mark.parametrize("raw,expected", [
    ("12.345.678-5", "12345678-5"), ("123456785", "12345678-5"), ("7.654.321-6", "7654321-6"),
    ("10.000.013-k", "10000013-K"), ("1-9", "1-9"),
])
def test_valid_ruts(raw, expected):
    assert normalise_rut(raw) == expected


@pytest.mark.parametrize("raw", ["12.345.678-6", "", "abc", "123456789012-3", "24.965.885-1"])
def test_invalid_ruts(raw):
    with pytest.raises(InvalidInput):
        normalise_rut(raw)


@pytest.mark.parametrize("raw,expected", [("529.982.247-25", "52998224725"),
                                          ("111.444.777-35", "11144477735")])
def test_valid_cpfs(raw, expected):
    assert normalise_cpf(raw) == expected


@pytest.mark.parametrize("raw", ["529.982.247-24", "000.000.000-00", "1234567890", "abc"])
def test_invalid_cpfs(raw):
    with pytest.raises(InvalidInput):
        normalise_cpf(raw)


def test_other_documents_are_compacted():
    assert normalise_document("passport", " ab 123 ") == "AB123"
    with pytest.raises(InvalidInput):
        normalise_document("dni", "   ")


@pytest.mark.parametrize("raw,expected", [("bb-cl 12", "BBCL12"), ("abc·123", "ABC123")])
def test_plates(raw, expected):
    assert normalise_plate(raw) == expected
