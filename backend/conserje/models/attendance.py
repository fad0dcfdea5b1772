"""Staff work schedules: the expected hours per weekday that attendance is judged by."""
from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, TenantMixin


class WorkSchedule(IdMixin, TenantMixin, Base):
    """One shift of a staff person on one weekday, in the condominium's time zone.

    Times are minutes after local midnight (portable: Oracle has no TIME type); a shift
    ending after midnight has ``end_minute`` beyond 1440.
    """

    __tablename__ = "work_schedule"
    __table_args__ = (UniqueConstraint("person_id", "weekday"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True, nullable=False)
    weekday: Mapped[int] = mapped_column(Integer, nullable=False)  # 0 = Monday
    start_minute: Mapped[int] = mapped_column(Integer, nullable=False)
    end_minute: Mapped[int] = mapped_column(Integer, nullable=False)
