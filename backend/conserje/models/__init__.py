"""SQLAlchemy models; importing this package registers every table on ``Base.metadata``."""
from .audit import AuditLog
from .biometrics import BiometricConsent, Face, FaceEmbedding, FaceModel
from .base import Base
from .condominium import Building, Condominium
from .finance import (CHARGE_KINDS, DUES_METHODS, INTEREST_KINDS, PAYMENT_METHODS, PROVIDERS,
                      Allocation, ChargeType, FinanceSettings, LedgerEntry, UnitFeeClass)
from .finance_ops import (AppNotification, Expense, PaymentCheckout, PaymentReminder,
                          ProviderEvent, RiskModel, TransferProof)
from .job import JOB_STATES, JobRun
from .gate import GATE_DIRECTIONS, GATE_KINDS, Gate
from .gate_access import (ACCESS_DECISIONS, ACCESS_DIRECTIONS, ACCESS_METHODS, ALERT_KINDS,
                          AccessEvent, GateAlert, GateDevice, WorkSchedule)
from .person import DOC_TYPES, MEMBER_ROLES, PERSON_KINDS, Person, UnitMember
from .unit import Unit
from .user import ROLES, AppUser, RevokedToken, UserRole
from .vehicle import Vehicle
from .visitors import (TIMEOUT_ACTIONS, VISITOR_CATEGORIES, PushSubscription, Visitor,
                       VisitorBlock, VisitorSettings)
from .visits import (AUTH_CHANNELS, AUTH_KINDS, AUTH_STATUSES, PASSAGE_METHODS, SERVICE_KINDS,
                     VISIT_KINDS, VISIT_STATUSES, Visit, VisitAuthorisation, VisitChange,
                     VisitPass, VisitPassage)

__all__ = [
    "ACCESS_DECISIONS", "ACCESS_DIRECTIONS", "ACCESS_METHODS", "ALERT_KINDS", "AccessEvent",
    "GateAlert", "GateDevice", "WorkSchedule",
    "AppUser", "AuditLog", "Base", "BiometricConsent", "Face", "FaceEmbedding", "FaceModel",
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
