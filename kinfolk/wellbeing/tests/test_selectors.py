"""Reads of a person's wellbeing follow the person's choice of who sees it."""

import pytest
from django.core.exceptions import PermissionDenied

from kinfolk.core import permissions
from kinfolk.wellbeing import selectors, services
from kinfolk.wellbeing.tests.conftest import ONS4


def test_the_person_chooses_who_sees_how_they_are_doing(people):
    person, you, rep, worker, stranger = people
    for actor in (you, rep, worker):
        assert selectors.wellbeing_person_get(actor=actor, person_id=person.pk) == person
    with pytest.raises(PermissionDenied):
        selectors.wellbeing_person_get(actor=stranger, person_id=person.pk)
    with pytest.raises(PermissionDenied):
        services.visibility_set(actor=worker, person=person, workers=False, representatives=True)
    services.visibility_set(actor=you, person=person, workers=False, representatives=True)
    permissions.forget(worker)  # their next request asks afresh
    with pytest.raises(PermissionDenied):
        selectors.wellbeing_person_get(actor=worker, person_id=person.pk)
    with pytest.raises(PermissionDenied):
        services.response_record(actor=worker, person=person, measure="ons4", answers=ONS4)
    assert selectors.wellbeing_person_get(actor=rep, person_id=person.pk) == person
