"""Face datasets uploaded as a zip: a folder per person (named by person id or document
number), checked entry by entry, enrolled with a per-image report."""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from conserje.models import Person
from conserje.services.core.actor import Actor
from conserje.services.core.deps import Deps
from conserje.services.core.errors import DomainError, InvalidInput
from conserje.services.faces import consent as biometrics, recognition as faces
from training.archives import MAX_ENTRY_BYTES, size_problem, unsafe_path

MAX_ENTRIES = 5000
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp"}
ARCHIVE_SUFFIXES = {".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar"}
JUNK = ("__MACOSX/", ".DS_Store", "Thumbs.db")


@dataclass
class DatasetOptions:
    create_missing: bool = False
    consent_version: str | None = None  # records consent for people who lack it


@dataclass
class DatasetPlan:
    folders: dict[str, list[tuple[str, bytes]]] = field(default_factory=dict)
    rejected: list[dict] = field(default_factory=list)


def check_zip(data: bytes) -> None:
    """Refuse, before queueing, what is not a zip at all."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InvalidInput("the file is not a zip archive", {"file": ["not_a_zip"]})


def _entry_problem(info: zipfile.ZipInfo, parts: tuple[str, ...]) -> str | None:
    name = info.filename
    if unsafe_path(name):
        return "unsafe_path"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in ARCHIVE_SUFFIXES:
        return "nested_archive"
    if suffix not in IMAGE_SUFFIXES:
        return "not_an_image"
    if len(parts) != 2:
        return "wrong_layout"
    return size_problem(info, MAX_ENTRY_BYTES)


def plan(data: bytes) -> DatasetPlan:
    """Read the zip's table of contents and the acceptable entries' bytes."""
    result = DatasetPlan()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = [i for i in archive.infolist()
                 if not i.is_dir() and not any(j in i.filename for j in JUNK)]
        if len(infos) > MAX_ENTRIES:
            raise InvalidInput("too many files in the archive",
                               {"file": [f"at most {MAX_ENTRIES} files"]})
        # A zip of a folder wraps everything in one root folder: look inside it.
        roots = {PurePosixPath(i.filename).parts[0] for i in infos}
        strip = 1 if len(roots) == 1 and all(len(PurePosixPath(i.filename).parts) == 3
                                            for i in infos) else 0
        total = 0
        for info in infos:
            parts = PurePosixPath(info.filename).parts[strip:]
            problem = _entry_problem(info, parts)
            total += info.file_size
            if problem is None and total > MAX_TOTAL_BYTES:
                problem = "archive_too_large"
            if problem:
                result.rejected.append({"path": info.filename, "status": "rejected",
                                        "reasons": [problem]})
                continue
            with archive.open(info) as fh:
                content = fh.read(MAX_ENTRY_BYTES + 1)  # never trust the declared size
            if len(content) > MAX_ENTRY_BYTES:
                result.rejected.append({"path": info.filename, "status": "rejected",
                                        "reasons": ["too_large"]})
                continue
            result.folders.setdefault(parts[0], []).append((info.filename, content))
    return result


def _person_for(session: Session, actor: Actor, folder: str,
                options: DatasetOptions) -> Person | None:
    base = select(Person).where(Person.condominium_id == actor.condominium_id)
    person = session.scalar(base.where(Person.doc_number == folder.strip().upper()))
    if person is None and folder.isdigit():
        person = session.scalar(base.where(Person.id == int(folder)))
    if person is None and options.create_missing:
        person = Person(condominium_id=actor.condominium_id, first_name=folder,
                        last_name="(dataset)", doc_type="other",
                        doc_number=folder.strip().upper(), kind="visitor")
        session.add(person)
        session.flush()
    return person


def ingest(session: Session, actor: Actor, data: bytes, options: DatasetOptions,
           deps: Deps, progress: Callable[[float], None]) -> dict:
    """Enrol every acceptable image; commit per person so progress survives a crash."""
    contents = plan(data)
    report = list(contents.rejected)
    done, total = 0, sum(len(v) for v in contents.folders.values()) or 1
    for folder, entries in sorted(contents.folders.items()):
        person = _person_for(session, actor, folder, options)
        reasons: list[str] = []
        if person is None:
            reasons = ["unknown_person"]
        elif biometrics.active_consent(session, person.id) is None:
            if options.consent_version:
                biometrics.record_consent(session, actor, person.id, options.consent_version)
            else:
                reasons = ["no_consent"]
        if reasons:
            report += [{"path": path, "status": "rejected", "reasons": reasons}
                       for path, _ in entries]
        else:
            try:
                results = faces.enrol(session, actor, person.id,
                                      [faces.Upload(path, content) for path, content in entries],
                                      deps, source="dataset")
            except DomainError as exc:
                session.rollback()
                results = [{"filename": path, "status": "rejected", "reasons": ["error"],
                            "message": exc.message} for path, _ in entries]
            report += [{"path": r["filename"], "status": r["status"], "reasons": r["reasons"],
                        "person_id": person.id, "face_id": r.get("face_id")} for r in results]
        session.commit()
        done += len(entries)
        progress(100 * done / total)
    accepted = sum(1 for r in report if r["status"] == "accepted")
    return {"accepted": accepted, "rejected": len(report) - accepted,
            "images": sorted(report, key=lambda r: r["path"])}
