"""Ports to systems outside the process that services talk through: a channel delivers
messages to people (in-app, e-mail, Web Push, webhooks). The adapters live in
``services.notifications``; the composition root (``conserje.wiring``) picks them."""
from __future__ import annotations

import abc
from dataclasses import dataclass, field
from typing import Sequence

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Message:
    user_id: int | None  # None: someone without an account (a visitor getting their pass)
    email: str | None
    topic: str
    title: str
    body: str
    phone: str | None = None
    # Structured content for interactive channels (visit id, photo link, answer actions).
    data: dict = field(default_factory=dict)
    # Files the e-mail carries: (filename, MIME type, content); other channels ignore them.
    attachments: tuple[tuple[str, str, bytes], ...] = ()


class Channel(abc.ABC):
    name: str

    @abc.abstractmethod
    def deliver(self, session: Session, condominium_id: int, messages: Sequence[Message]) -> int:
        """Hand ``messages`` to the channel; return how many it accepted."""
