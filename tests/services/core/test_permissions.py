"""The permission vocabulary: which role holds which capability, how an actor derives its
capabilities, and a scan that keeps role names out of the services' checks."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import conserje
from conserje.models import ROLES
from conserje.services.core.actor import Actor
from conserje.services.core.errors import Forbidden
from conserje.services.core.permissions import CAPABILITIES, capabilities_of, roles_with

# Written out by hand on purpose: a change to permissions.py that moves a right from one
# role to another must show up here as a deliberate edit, not pass silently.
EXPECTED = {
    "admin": {
        "access.monitor", "access.operate", "attendance.manage", "attendance.read",
        "audit.read", "directory.read", "faces.activate", "faces.consent", "faces.finetune",
        "faces.identify", "faces.manage", "finance.bill", "finance.manage", "finance.read",
        "finance.risk_models", "gates.devices", "gates.manage", "gates.read", "jobs.read_all",
        "memberships.manage", "people.manage", "people.read", "units.manage", "units.read",
        "users.manage", "users.read", "vehicles.read", "vehicles.write",
        "visitors.block_global", "visitors.desk", "visitors.kpis", "visitors.manage",
        "visitors.settings.manage", "visitors.settings.read",
    },
    "manager": {
        "access.monitor", "access.operate", "attendance.manage", "attendance.read",
        "audit.read", "directory.read", "faces.consent", "faces.identify", "faces.manage",
        "finance.manage", "finance.read", "gates.manage", "gates.read", "jobs.read_all",
        "memberships.manage", "people.manage", "people.read", "units.manage", "units.read",
        "users.read", "vehicles.read", "vehicles.write", "visitors.block_global",
        "visitors.desk", "visitors.kpis", "visitors.manage", "visitors.settings.read",
    },
    "guard": {
        "access.monitor", "access.on_duty", "access.operate", "directory.read",
        "faces.identify", "gates.read", "people.read", "vehicles.read", "visitors.desk",
        "visitors.settings.read",
    },
    "resident": {
        "faces.consent", "finance.own", "units.read", "vehicles.read", "vehicles.write",
        "visitors.own",
    },
    "staff": {"attendance.own"},
}

# The names the SPA relies on (GET /auth/me): they must keep existing.
SPA_NAMES = {
    "units.read", "units.manage", "people.read", "people.manage", "users.manage",
    "vehicles.read", "vehicles.write", "gates.read", "gates.manage", "access.monitor",
    "access.operate", "visitors.desk", "attendance.read", "attendance.manage",
    "visitors.kpis", "visitors.own", "faces.manage", "faces.activate", "finance.read",
    "finance.bill", "finance.own", "memberships.manage",
}


def test_every_capability_names_only_known_roles():
    for name, roles in CAPABILITIES.items():
        assert roles, f"{name} is held by no role"
        assert roles <= set(ROLES), f"{name} names unknown roles {set(roles) - set(ROLES)}"
        assert roles_with(name) == roles


def test_capability_names_are_lower_case_and_dotted():
    for name in CAPABILITIES:
        assert name == name.lower() and "." in name and " " not in name, name


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_each_role_holds_exactly_the_written_capabilities(role):
    assert capabilities_of({role}) == EXPECTED[role]


def test_the_table_covers_every_role_and_capability():
    assert set(EXPECTED) == set(ROLES)
    assert set().union(*EXPECTED.values()) == set(CAPABILITIES)


def test_the_spa_names_exist():
    assert SPA_NAMES <= set(CAPABILITIES)


def test_unknown_capability_fails_loudly():
    with pytest.raises(KeyError):
        roles_with("finance.everything")
    with pytest.raises(KeyError):
        Actor(1, 1, frozenset({"admin"})).can("finance.everything")


def test_actor_capabilities_can_and_require():
    guard = Actor(1, 1, frozenset({"guard"}))
    assert guard.capabilities == EXPECTED["guard"]
    assert guard.can("visitors.desk") and not guard.can("finance.read")
    guard.require_capability("access.operate")
    with pytest.raises(Forbidden) as refused:
        guard.require_capability("finance.bill")
    # The same message the role checks gave: clients see no change.
    assert refused.value.message == "your role does not allow this operation"
    assert Actor(None, 1, frozenset()).capabilities == frozenset()
    assert Actor(None, 1, frozenset({"gate_device"})).capabilities == frozenset()


def test_roles_combine():
    both = Actor(1, 1, frozenset({"manager", "staff"}))
    assert both.capabilities == EXPECTED["manager"] | EXPECTED["staff"]
    living_staff = Actor(1, 1, frozenset({"resident", "staff"}), unit_ids=frozenset({3}))
    assert living_staff.is_resident
    assert living_staff.capabilities == EXPECTED["resident"] | EXPECTED["staff"]


@pytest.mark.parametrize("role", ["admin", "manager", "guard"])
def test_a_resident_role_adds_nothing_to_a_whole_condominium_role(role):
    """The services narrow only resident-only callers to their units; a guard who also
    lives here must not gain a resident's writes over the whole condominium."""
    actor = Actor(1, 1, frozenset({role, "resident"}), unit_ids=frozenset({3}))
    assert not actor.is_resident and actor.sees_whole_condominium
    assert actor.capabilities == EXPECTED[role]


def test_sees_whole_condominium_and_is_resident():
    for role in ("admin", "manager", "guard"):
        assert Actor(1, 1, frozenset({role})).sees_whole_condominium
    for role in ("resident", "staff"):
        assert not Actor(1, 1, frozenset({role})).sees_whole_condominium
    assert Actor(1, 1, frozenset({"resident"})).is_resident
    assert not Actor(1, 1, frozenset({"staff"})).is_resident


# -- the services check capabilities, never role names ------------------------------------

SERVICES = Path(conserje.__file__).parent / "services"
API = Path(conserje.__file__).parent / "api"
# The vocabulary itself, and the Actor that turns roles into capabilities (and tells a
# resident-only caller apart for unit scoping): the only places roles are looked at.
VOCABULARY = {SERVICES / "core" / "permissions.py", SERVICES / "core" / "actor.py"}
CAPABILITY_CALLS = {"can", "require_capability"}
CAPABILITY_ATTRIBUTES = {"read_capability", "write_capability", "WHOLE_CONDOMINIUM"}


def _strings(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _is_roles(node: ast.AST) -> bool:
    """``x.roles``: an actor's role set (role *data* such as ``data["roles"]`` is fine)."""
    return isinstance(node, ast.Attribute) and node.attr == "roles"


def role_checks(source: str, where: str) -> list[str]:
    """``where:line what`` for every role-name check in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        what = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "require":
            what = "require(roles)"
        elif isinstance(node, ast.Name) and node.id in ("MANAGING_ROLES", "GATE_ROLES"):
            what = node.id
        elif isinstance(node, ast.Attribute) and node.attr in ("manages", "read_roles",
                                                                 "write_roles"):
            what = node.attr
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in ("read_roles", "write_roles")
                   for t in targets):
                what = "role set attribute"
        elif isinstance(node, ast.Compare) and any(
                isinstance(op, (ast.In, ast.NotIn)) for op in node.ops) \
                and any(_is_roles(c) for c in node.comparators):
            what = "role in actor.roles"
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitAnd) \
                and (_is_roles(node.left) or _is_roles(node.right)):
            what = "actor.roles & roles"
        if what:
            found.append(f"{where}:{node.lineno} {what}")
    return found


def used_capabilities(source: str) -> list[str]:
    """Every capability name given to ``can``/``require_capability`` or set as a
    resource's ``read_capability``/``write_capability``."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in CAPABILITY_CALLS:
            names += [s for arg in node.args for s in _strings(arg)]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in CAPABILITY_ATTRIBUTES
                   for t in targets) and node.value is not None:
                names += _strings(node.value)
    return names


def _modules():
    for root in (SERVICES, API):
        for path in sorted(root.rglob("*.py")):
            if path not in VOCABULARY:
                yield path, path.read_text()


def test_no_module_checks_a_role_name():
    found = [hit for path, source in _modules()
             for hit in role_checks(source, str(path.relative_to(SERVICES.parent)))]
    assert found == []


def test_every_capability_used_exists():
    used = [(path.name, name) for path, source in _modules()
            for name in used_capabilities(source)]
    assert len(used) > 60  # the scan sees the checks (not vacuous)
    assert [u for u in used if u[1] not in CAPABILITIES] == []


def test_the_scans_find_what_they_look_for():
    source = (
        'actor.require("admin")\nactor.require(*MANAGING_ROLES)\n'
        'class R:\n    read_roles = GATE_ROLES\n'
        'if actor.manages: pass\nif "guard" in actor.roles: pass\n'
        'if actor.roles & {"admin"}: pass\n'
        'ok = Actor(None, 1, frozenset({"admin"}))\nok = "admin" in data["roles"]\n'
        'actor.require_capability("finance.bill")\n'
        'actor.can("visitors.manage" if unit else "visitors.nope")\n'
        'class S:\n    read_capability = "gates.read"\n')
    assert sorted(role_checks(source, "m.py")) == [
        "m.py:1 require(roles)", "m.py:2 MANAGING_ROLES", "m.py:2 require(roles)",
        "m.py:4 GATE_ROLES", "m.py:4 role set attribute", "m.py:5 manages",
        "m.py:6 role in actor.roles", "m.py:7 actor.roles & roles"]
    assert sorted(used_capabilities(source)) == [
        "finance.bill", "gates.read", "visitors.manage", "visitors.nope"]
