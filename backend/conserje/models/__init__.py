"""SQLAlchemy models; importing this package registers every table on ``Base.metadata``."""
from .audit import AuditLog
from .base import Base
from .condominium import Building, Condominium
from .gate import GATE_DIRECTIONS, GATE_KINDS, Gate
from .person import DOC_TYPES, MEMBER_ROLES, PERSON_KINDS, Person, UnitMember
from .unit import Unit
from .user import ROLES, AppUser, RevokedToken, UserRole
from .vehicle import Vehicle

__all__ = [
    "AppUser", "AuditLog", "Base", "Building", "Condominium", "DOC_TYPES", "GATE_DIRECTIONS",
    "GATE_KINDS", "Gate", "MEMBER_ROLES", "PERSON_KINDS", "Person", "ROLES", "RevokedToken",
    "Unit", "UnitMember", "UserRole", "Vehicle",
]
