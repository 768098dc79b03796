"""Reads of a person's record: every one asked and audited."""

import pytest
from django.core.exceptions import PermissionDenied

from kinfolk.core.models import AuditAction, AuditLog
from kinfolk.people import selectors


def test_a_denied_read_is_refused_and_audited(worker, person):
    with pytest.raises(PermissionDenied):
        selectors.person_get(actor=worker, person_id=person.pk)
    denial = AuditLog.objects.get(action=AuditAction.DENIED)
    assert (denial.actor, denial.person_id, denial.role) == (
        worker.user,
        person.pk,
        "scheme_worker",
    )


def test_every_read_of_a_record_is_audited(me, person):
    selectors.person_get(actor=me, person_id=person.pk)
    selectors.person_get(actor=me, person_id=person.pk)
    assert AuditLog.objects.filter(action=AuditAction.VIEW, person_id=person.pk).count() == 2
