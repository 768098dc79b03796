"""Writing commitments: a commissioner adds one, records a step on its timeline, publishes it,
or imports many from a spreadsheet. Each is checked whole before anything is stored."""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.core.audit import audit_record
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require
from kinfolk.core.text import visible_text
from kinfolk.wellbeing.models import CareActArea

from .models import Commitment, CommitmentUpdate, Status

CSV_COLUMNS = (
    "reference", "parent_reference", "title", "description", "by_when", "budget", "outcome",
    "status", "progress", "weight",
)  # fmt: skip


def _checked_progress(status: str, progress: int) -> int:
    if status == Status.DONE:
        return 100
    if not 0 <= progress <= 100:
        raise ValidationError("Progress is a number from 0 to 100.", code="progress")
    if progress == 100:
        raise ValidationError("At 100% a commitment is done: choose 'Done'.", code="progress")
    return progress


def commitment_add(*, actor, reference: str, title: str, by_when: date, outcome: str,
                   description: str = "", budget_pence: int | None = None, parent=None,
                   weight: int = 1) -> Commitment:  # fmt: skip
    """A new commitment, as a draft until it is published."""
    require(actor, "accountability.manage_commitments")
    if parent is not None:
        require(actor, "accountability.change_commitment", parent)
    reference = visible_text(reference).upper()
    if Commitment.objects.in_area(actor.area).filter(reference=reference).exists():
        raise ValidationError(
            {"reference": f"{reference} is already used: give this one its own reference."}
        )
    commitment = Commitment.objects.create(
        area=actor.area, parent=parent, reference=reference, title=visible_text(title),
        description=visible_text(description), by_when=by_when, outcome=outcome,
        budget_pence=budget_pence, weight=weight, created_by=actor.user,
    )  # fmt: skip
    audit_record(actor=actor, action=AuditAction.CREATE, target_type="commitment",
                 target_id=commitment.pk)  # fmt: skip
    return commitment


@transaction.atomic
def progress_record(*, actor, commitment: Commitment, happened_on: date, words: str,
                    status: str, progress: int, evidence_url: str = ""):  # fmt: skip
    """A dated step on the timeline: what happened, the status and progress now, the evidence."""
    require(actor, "accountability.change_commitment", commitment)
    if happened_on > timezone.localdate():
        raise ValidationError(
            {"happened_on": "Say what has happened: the date cannot be later than today."}
        )
    if not visible_text(words):
        raise ValidationError({"words": "Say what happened."})
    progress = _checked_progress(status, progress)
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    commitment.status, commitment.progress = status, progress
    commitment.save(update_fields=["status", "progress"])
    update = CommitmentUpdate.objects.create(
        area=commitment.area, commitment=commitment, happened_on=happened_on,
        words=visible_text(words), status=status, progress=progress, evidence_url=evidence_url,
        recorded_by=actor.user,
    )  # fmt: skip
    audit_record(actor=actor, action=AuditAction.UPDATE, target_type="commitment",
                 target_id=commitment.pk)  # fmt: skip
    return update


def commitment_publish(*, actor, commitment: Commitment) -> Commitment:
    """Publish a commitment (and so its later steps): anyone can read it from now on."""
    require(actor, "accountability.change_commitment", commitment)
    if commitment.published_at is None:
        commitment.published_at = timezone.now()
        commitment.save(update_fields=["published_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, target_type="commitment",
                     target_id=commitment.pk, detail={"published": True})  # fmt: skip
    return commitment


@dataclass(frozen=True)
class _Row:
    line: int
    reference: str
    parent_reference: str
    fields: dict


def _money_in_pence(text: str, line: int) -> int | None:
    text = text.replace("£", "").replace(",", "").strip()
    if not text:
        return None
    try:
        pounds, _, pence = text.partition(".")
        if len(pence) > 2 or not pounds.isdigit() or (pence and not pence.isdigit()):
            raise ValueError
        return int(pounds) * 100 + int(pence.ljust(2, "0") or 0)
    except ValueError:
        raise ValidationError(
            f"Line {line}: the budget '{text}' is not an amount of money."
        ) from None


def _date(text: str, line: int) -> date:
    for shape in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), shape).date()
        except ValueError:
            continue
    raise ValidationError(f"Line {line}: the date '{text}' is not a date (use 31/03/2027).")


def _choice(text: str, choices, line: int, what: str) -> str:
    wanted = text.strip().lower()
    for value, label in choices:
        if wanted in (value, label.lower()):
            return value
    raise ValidationError(f"Line {line}: '{text}' is not a {what} Kinfolk knows.")


def _row(raw: dict, line: int) -> _Row:
    reference = visible_text(raw.get("reference") or "").upper()
    title = visible_text(raw.get("title") or "")
    if not reference or not title:
        raise ValidationError(f"Line {line}: every commitment needs a reference and a title.")
    status = _choice(raw.get("status") or "not_started", Status.choices, line, "status")
    try:
        progress = int((raw.get("progress") or "0").strip().rstrip("%"))
        weight = int((raw.get("weight") or "1").strip())
    except ValueError:
        raise ValidationError(f"Line {line}: progress and weight are whole numbers.") from None
    try:
        progress = _checked_progress(status, progress)
    except ValidationError as error:
        raise ValidationError(f"Line {line}: {error.messages[0]}") from None
    if weight < 1:
        raise ValidationError(f"Line {line}: the weight is at least 1.")
    return _Row(line, reference, visible_text(raw.get("parent_reference") or "").upper(), {
        "title": title, "description": visible_text(raw.get("description") or ""),
        "by_when": _date(raw.get("by_when") or "", line),
        "budget_pence": _money_in_pence(raw.get("budget") or "", line),
        "outcome": _choice(raw.get("outcome") or "", CareActArea.choices, line, "wellbeing area"),
        "status": status, "progress": progress, "weight": weight,
    })  # fmt: skip


def _rows_of(text: str) -> list[_Row]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = {"reference", "title", "by_when", "outcome"} - set(reader.fieldnames or [])
    if missing:
        raise ValidationError(
            f"The first line must name the columns; missing: {', '.join(sorted(missing))}."
        )
    rows, problems = [], []
    for line, raw in enumerate(reader, start=2):
        try:
            rows.append(_row(raw, line))
        except ValidationError as error:
            problems += error.messages
    if problems:
        raise ValidationError(problems)
    if not rows:
        raise ValidationError("The file has no commitments in it.")
    return rows


@transaction.atomic
def commitments_import(*, actor, text: str) -> int:
    """Add or change the area's commitments from a CSV (columns: CSV_COLUMNS). All or nothing:
    any problem names its line and nothing is stored. A row whose reference exists changes that
    commitment; parents may come before or after their parts. Returns how many rows were read."""
    require(actor, "accountability.manage_commitments")
    rows = _rows_of(text)
    references = [row.reference for row in rows]
    if len(set(references)) != len(references):
        twice = sorted({r for r in references if references.count(r) > 1})
        raise ValidationError(f"These references appear twice: {', '.join(twice)}.")
    existing = {c.reference: c for c in Commitment.objects.in_area(actor.area)}
    known = set(existing) | set(references)
    unknown = [f"Line {r.line}: no commitment {r.parent_reference} to be part of."
               for r in rows if r.parent_reference and r.parent_reference not in known]  # fmt: skip
    if unknown:
        raise ValidationError(unknown)
    saved = {}
    for row in rows:
        commitment = existing.get(row.reference) or Commitment(
            area=actor.area, reference=row.reference, created_by=actor.user
        )
        for name, value in row.fields.items():
            setattr(commitment, name, value)
        commitment.save()
        saved[row.reference] = commitment
    everything = {**existing, **saved}
    for row in rows:
        commitment = saved[row.reference]
        commitment.parent = everything.get(row.parent_reference) if row.parent_reference else None
        commitment.save(update_fields=["parent"])
    _refuse_loops(everything.values())
    audit_record(actor=actor, action=AuditAction.CREATE, target_type="commitment_import",
                 detail={"rows": len(rows)})  # fmt: skip
    return len(rows)


def _refuse_loops(commitments) -> None:
    parent_of = {c.pk: c.parent_id for c in commitments}
    for start in parent_of:
        seen, here = set(), start
        while here is not None:
            if here in seen:
                raise ValidationError("A commitment cannot be part of itself, even through others.")
            seen.add(here)
            here = parent_of.get(here)
