"""Handing messages to every configured channel: the one way reminders, visitor notices
and (later) notices and incidents reach people."""
from __future__ import annotations

from typing import Sequence

from sqlalchemy.orm import Session

from conserje.services.core.ports import Channel, Message


def deliver(session: Session, channels: Sequence[Channel], condominium_id: int,
            messages: Sequence[Message]) -> dict[str, int]:
    """Give ``messages`` to each channel; how many each accepted, by channel name.

    Channels that talk to other systems send after the transaction commits, so a
    rolled-back request tells nobody.
    """
    if not messages:
        return {}
    return {channel.name: channel.deliver(session, condominium_id, messages)
            for channel in channels}
