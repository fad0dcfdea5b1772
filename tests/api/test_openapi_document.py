"""The OpenAPI document only grows, and types everything it names.

The SPA's client is generated from the document, so a path, a response or a response
property that disappears breaks it silently; an untyped property becomes ``unknown``.
``openapi_baseline.json`` is the document of the previous release (606d52d).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

BASELINE = json.loads((Path(__file__).parent / "openapi_baseline.json").read_text())
METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}
TYPED = ("type", "$ref", "allOf", "oneOf", "anyOf", "enum")


@pytest.fixture(scope="module")
def spec(app):
    with app.test_client() as client:
        return client.get("/api/openapi.json").json


def _resolve(doc: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _property_paths(doc: dict, schema: dict, prefix: str = "", seen: frozenset = frozenset()
                    ) -> set[str]:
    """Every property a body of ``schema`` can carry, as dotted paths (``[]`` = list item)."""
    ref = schema.get("$ref")
    if ref in seen:
        return set()
    if ref:
        seen = seen | {ref}
    schema = _resolve(doc, schema)
    paths: set[str] = set()
    for part in (*schema.get("allOf", ()), *schema.get("oneOf", ()), *schema.get("anyOf", ())):
        paths |= _property_paths(doc, part, prefix, seen)
    if "items" in schema:
        paths |= _property_paths(doc, schema["items"], prefix + "[]", seen)
    for name, prop in schema.get("properties", {}).items():
        path = f"{prefix}.{name}" if prefix else name
        paths.add(path)
        paths |= _property_paths(doc, prop, path, seen)
    return paths


def _operations(doc: dict):
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def _json_schema(response: dict) -> dict | None:
    return response.get("content", {}).get("application/json", {}).get("schema")


def test_no_path_method_or_response_code_of_the_baseline_is_gone(spec):
    missing = []
    for path, method, operation in _operations(BASELINE):
        now = spec["paths"].get(path, {}).get(method)
        if now is None:
            missing.append(f"{method.upper()} {path}")
            continue
        missing += [f"{method.upper()} {path} {code}" for code in operation["responses"]
                    if code not in now["responses"]]
    assert not missing, missing


def test_no_response_property_of_the_baseline_is_gone(spec):
    missing = []
    for path, method, operation in _operations(BASELINE):
        now = spec["paths"].get(path, {}).get(method, {}).get("responses", {})
        for code, response in operation["responses"].items():
            before = _json_schema(response)
            if before is None or code not in now:
                continue  # reported by the test above
            after = _json_schema(now[code]) or {}
            lost = _property_paths(BASELINE, before) - _property_paths(spec, after)
            missing += [f"{method.upper()} {path} {code}: {name}" for name in sorted(lost)]
    assert not missing, missing


def _untyped(schema: dict, where: str):
    if not any(key in schema for key in TYPED):
        yield where
    if "items" in schema:
        yield from _untyped(schema["items"], where + "[]")
    for name, prop in schema.get("properties", {}).items():
        yield from _untyped(prop, f"{where}.{name}")


def test_every_component_property_has_a_type(spec):
    untyped = []
    for name, schema in spec["components"]["schemas"].items():
        for prop, definition in schema.get("properties", {}).items():
            untyped += _untyped(definition, f"{name}.{prop}")
    assert not untyped, untyped


def test_every_json_success_response_has_a_schema(spec):
    bare = []
    for path, method, operation in _operations(spec):
        for code, response in operation["responses"].items():
            if not code.startswith("2") or code == "204":
                continue
            content = response.get("content")
            if not content:
                bare.append(f"{method.upper()} {path} {code}: no content")
                continue
            for media, body in content.items():
                schema = body.get("schema") or {}
                if media == "application/json" and not (
                        schema.get("$ref") or schema.get("items") or schema.get("properties")):
                    bare.append(f"{method.upper()} {path} {code}: {schema}")
    assert not bare, bare


def test_decimals_are_documented_as_strings(spec):
    """Money, areas and coefficients are sent as strings ("85.50"), never numbers."""
    wrong = []
    for name, schema in spec["components"]["schemas"].items():
        for prop, definition in schema.get("properties", {}).items():
            if definition.get("format") == "decimal" and definition.get("type") != "string":
                wrong.append(f"{name}.{prop}")
    assert not wrong, wrong
    unit = spec["components"]["schemas"]["Unit"]["properties"]
    assert unit["area_m2"]["type"] == "string" and unit["coefficient"]["format"] == "decimal"


@pytest.mark.parametrize(("name", "read_only"), [
    ("Building", {"id"}),
    ("Unit", {"id", "public_id", "building_name", "created_at"}),
    ("Person", {"id", "public_id", "full_name", "photo_key", "created_at"}),
    ("Membership", {"id", "unit_code", "person_name"}),
    ("Vehicle", {"id", "unit_code"}),
    ("Gate", {"id", "public_id"}),
])
def test_read_only_fields_are_required_in_answers_and_absent_from_input(spec, name, read_only):
    schemas = spec["components"]["schemas"]
    answer = schemas[name]
    assert read_only <= set(answer["required"])
    assert set(answer["properties"]) <= set(answer["required"])
    for body in (f"{name}Create", f"{name}Update"):
        assert not read_only & set(schemas[body]["properties"]), body


def test_answers_carry_every_documented_property(client, world, login, spec):
    """Response schemas say every property is present: the bodies agree (lists too)."""
    schemas = spec["components"]["schemas"]
    admin, ana = login("admin@a.test"), login("ana@a.test")
    unit = client.get(f"/api/v1/units/{world.ids['unit1']}", headers=admin).json
    assert set(unit) == set(schemas["Unit"]["properties"])
    assert isinstance(unit["area_m2"], (str, type(None)))
    for path, name in (("/api/v1/memberships", "Membership"), ("/api/v1/vehicles", "Vehicle"),
                       ("/api/v1/people", "Person"), ("/api/v1/gates", "Gate")):
        items = client.get(path, headers=admin).json
        assert items and all(set(item) == set(schemas[name]["properties"]) for item in items)

    res = client.post("/api/v1/visits", headers=ana, json={
        "unit_id": world.ids["unit1"], "kind": "single", "visitor": {
            "first_name": "Paula", "last_name": "Lima", "doc_type": "rut",
            "doc_number": "15555555-6"}})
    assert res.status_code == 201, res.json
    visit = res.json
    assert set(visit) == set(schemas["Visit"]["properties"])
    assert set(visit["pass"]) == set(schemas["Pass"]["properties"])
    listed = client.get("/api/v1/visits", headers=ana).json
    assert listed and all(set(v) == set(schemas["Visit"]["properties"]) for v in listed)
    assert listed[0]["pass"] is None and listed[0]["alerts"] == []
