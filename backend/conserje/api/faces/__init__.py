"""HTTP endpoints of face recognition: consent, enrolment, identification, model
versions, datasets and detector fine-tuning."""
from __future__ import annotations

from conserje.api.faces import recognition, versions

BLUEPRINTS = (recognition.blp, versions.blp)
