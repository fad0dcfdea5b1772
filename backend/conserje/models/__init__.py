"""SQLAlchemy models, one module or package per domain (the same names as ``services``);
importing this package registers every table on ``Base.metadata``."""
from conserje.models.access import (
    ACCESS_DECISIONS,
    ACCESS_DIRECTIONS,
    ACCESS_METHODS,
    ALERT_KINDS,
    AccessEvent,
    GateAlert,
)
from conserje.models.base import Base
from conserje.models.core.audit import AuditLog
from conserje.models.core.cron import CronClaim
from conserje.models.core.job import JOB_STATES, JobRun
from conserje.models.faces import BiometricConsent, Face, FaceEmbedding, FaceModel
from conserje.models.finance.ledger import (
    CHARGE_KINDS,
    DUES_METHODS,
    INTEREST_KINDS,
    PAYMENT_METHODS,
    PROVIDERS,
    Allocation,
    ChargeType,
    FinanceSettings,
    LedgerEntry,
    UnitFeeClass,
)
from conserje.models.finance.operations import (
    Expense,
    PaymentCheckout,
    PaymentReminder,
    ProviderEvent,
    RiskModel,
    TransferProof,
)
from conserje.models.gate import GateDevice, WorkSchedule
from conserje.models.notifications import AppNotification, PushSubscription
from conserje.models.setup.condominium import Building, Condominium
from conserje.models.setup.gate import GATE_DIRECTIONS, GATE_KINDS, Gate
from conserje.models.setup.person import DOC_TYPES, MEMBER_ROLES, PERSON_KINDS, Person, UnitMember
from conserje.models.setup.unit import Unit
from conserje.models.setup.user import ROLES, AppUser, RevokedToken, UserRole
from conserje.models.setup.vehicle import Vehicle
from conserje.models.visitors.registry import (
    TIMEOUT_ACTIONS,
    VISITOR_CATEGORIES,
    Visitor,
    VisitorBlock,
    VisitorSettings,
)
from conserje.models.visitors.visits import (
    AUTH_CHANNELS,
    AUTH_KINDS,
    AUTH_STATUSES,
    PASSAGE_METHODS,
    SERVICE_KINDS,
    VISIT_KINDS,
    VISIT_STATUSES,
    Visit,
    VisitAuthorisation,
    VisitChange,
    VisitPass,
    VisitPassage,
)

__all__ = [
    "ACCESS_DECISIONS", "ACCESS_DIRECTIONS", "ACCESS_METHODS", "ALERT_KINDS", "AccessEvent",
    "GateAlert", "GateDevice", "WorkSchedule",
    "AppUser", "AuditLog", "Base", "BiometricConsent", "CronClaim", "Face", "FaceEmbedding",
    "FaceModel",
    "JOB_STATES", "JobRun", "Building", "Condominium", "DOC_TYPES", "GATE_DIRECTIONS",
    "GATE_KINDS", "Gate", "MEMBER_ROLES", "PERSON_KINDS", "Person", "ROLES", "RevokedToken",
    "Unit", "UnitMember", "UserRole", "Vehicle",
    # finance
    "Allocation", "AppNotification", "CHARGE_KINDS", "ChargeType", "DUES_METHODS", "Expense",
    "FinanceSettings", "INTEREST_KINDS", "LedgerEntry", "PAYMENT_METHODS",
    "PROVIDERS", "PaymentCheckout", "PaymentReminder", "ProviderEvent", "RiskModel",
    "TransferProof", "UnitFeeClass",
    # visitors
    "AUTH_CHANNELS", "AUTH_KINDS", "AUTH_STATUSES", "PASSAGE_METHODS", "PushSubscription",
    "SERVICE_KINDS", "TIMEOUT_ACTIONS", "VISITOR_CATEGORIES", "VISIT_KINDS", "VISIT_STATUSES",
    "Visit", "VisitAuthorisation", "VisitChange", "VisitPass", "VisitPassage", "Visitor",
    "VisitorBlock", "VisitorSettings",
]
