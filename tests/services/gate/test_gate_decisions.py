"""The access decision rules on their own (no database, no models)."""
from __future__ import annotations

from datetime import datetime

import pytest

from conserje.models import WorkSchedule
from conserje.services.gate.decisions import Decision, PersonFacts, decide, within_shift

RESIDENT = PersonFacts("owner", active=True)
STAFF_OFF_HOURS = PersonFacts("staff", active=True, within_hours=False)


@pytest.mark.parametrize("reasons, code", [
    (["face_too_small"], "face_too_small"),
    (["blurry", "too_dark"], "too_dark"),  # the prompt the kiosk can act on first
    (["not_frontal"], "not_frontal"),
    (["frame_too_small", "face_too_small"], "frame_too_small"),
])
def test_bad_quality_asks_to_retry_with_a_code(reasons, code):
    assert decide(reasons, True, RESIDENT, "entry") == Decision("retry", code)


@pytest.mark.parametrize("facts, direction, expected", [
    (None, "entry", ("unknown", "no_match")),
    (RESIDENT, "entry", ("granted", "resident")),
    (PersonFacts("tenant", active=False), "entry", ("denied", "inactive")),
    (PersonFacts("staff", active=True, within_hours=True), "entry", ("granted", "staff")),
    (STAFF_OFF_HOURS, "entry", ("denied", "outside_hours")),
    (STAFF_OFF_HOURS, "exit", ("granted", "staff")),  # nobody is kept inside
    (PersonFacts("staff", active=False), "entry", ("denied", "inactive")),
    (PersonFacts("visitor", active=True), "entry", ("denied", "no_authorisation")),
    (PersonFacts("visitor", active=True, visitor_authorised=True), "entry",
     ("granted", "visitor_authorised")),
    (PersonFacts("owner", active=True, blacklist_reason="x"), "entry", ("denied", "blacklisted")),
])
def test_identity_rules(facts, direction, expected):
    assert decide([], facts is not None, facts, direction) == Decision(*expected)


def _shift(weekday, start, end):
    return WorkSchedule(weekday=weekday, start_minute=start, end_minute=end)


def test_shift_windows_with_margin_and_night_shifts():
    day = [_shift(0, 8 * 60, 17 * 60)]  # Monday 08:00-17:00
    monday = datetime(2026, 11, 30, 7, 30)
    assert within_shift(day, monday, 60)
    assert not within_shift(day, monday.replace(hour=6, minute=30), 60)
    assert within_shift(day, monday.replace(hour=17, minute=59), 60)
    assert not within_shift(day, datetime(2026, 12, 1, 9, 0), 60)  # Tuesday: no shift
    night = [_shift(0, 22 * 60, 30 * 60)]  # Monday 22:00 - Tuesday 06:00
    assert within_shift(night, datetime(2026, 12, 1, 5, 0), 0)
    assert not within_shift(night, datetime(2026, 12, 1, 7, 30), 60)
