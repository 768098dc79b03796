"""Carers' approval: a complete application to panel, training that expires, scheme workers only."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from kinfolk.sharedlives.arrangements.services import arrangement_end
from kinfolk.sharedlives.carers.services import (
    application_check_record,
    carer_enquiry,
    panel_decision_record,
    training_record,
)
from kinfolk.sharedlives.models import (
    Carer,
    CarerCheck,
)
from kinfolk.sharedlives.tests.factories import CarerFactory, trained
from kinfolk.sharedlives.tests.journeys import agreed, start

TODAY = date.today()


def test_panel_approves_only_a_complete_application_and_never_more_than_three_places(scheme, area):
    s = scheme
    carer = carer_enquiry(actor=s.worker, name="The Khan household", postcode="HX3 1AA")
    with pytest.raises(ValidationError, match="Missing"):
        panel_decision_record(
            actor=s.worker,
            carer=carer,
            panel_date=TODAY,
            members="A Chair (independent); B Member (expert by experience)",
            decision="approved",
            approved_types=["long_term"],
            places=1,
        )
    from kinfolk.sharedlives.models import ApplicationStep

    for step in ApplicationStep.values:
        application_check_record(actor=s.worker, carer=carer, step=step, completed_on=TODAY)
    carer.refresh_from_db()
    assert carer.status == "at_panel"
    with pytest.raises(ValidationError, match="1 to 3"):
        panel_decision_record(
            actor=s.worker,
            carer=carer,
            panel_date=TODAY,
            members="A Chair (independent)",
            decision="approved",
            approved_types=["long_term"],
            places=4,
        )
    with pytest.raises(ValidationError, match="reasons"):
        panel_decision_record(
            actor=s.worker,
            carer=carer,
            panel_date=TODAY,
            members="A Chair (independent)",
            decision="deferred",
        )
    with pytest.raises(ValidationError, match="reasons"):  # invisible characters are not reasons
        panel_decision_record(
            actor=s.worker,
            carer=carer,
            panel_date=TODAY,
            members="A Chair (independent)",
            decision="deferred",
            reasons="\u200b \u00a0\u2066\u2069\ufeff",
        )
    panel_decision_record(
        actor=s.worker,
        carer=carer,
        panel_date=TODAY,
        members="A Chair (independent)",
        decision="approved",
        approved_types=["long_term"],
        approved_needs=["autism"],
        places=2,
        rooms=2,
    )
    carer.refresh_from_db()
    assert carer.status == "approved" and carer.places == 2
    assert CarerCheck.objects.filter(carer=carer).count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        Carer.objects.filter(pk=carer.pk).update(places=4)


def test_training_expiry_follows_the_course(scheme):
    s = scheme
    carer = trained(CarerFactory(area=s.carer.area))
    record = training_record(
        actor=s.worker, carer=carer, course="medication", completed_on=date(2025, 3, 1)
    )
    assert record.expires_on == date(2027, 3, 1)
    record = training_record(
        actor=s.worker, carer=carer, course="safeguarding", completed_on=date(2024, 2, 29)
    )
    assert record.expires_on == date(2027, 2, 28)


def test_only_scheme_workers_manage_carers(scheme):
    s = scheme
    with pytest.raises(PermissionDenied):
        training_record(actor=s.carer_actor, carer=s.carer, course="medication", completed_on=TODAY)


def test_an_arrangement_is_an_episode_for_the_connection_test(scheme):
    from kinfolk.wellbeing.models import Episode

    s = scheme
    arrangement = start(s, agreed(s))
    episode = Episode.objects.get(person=s.person)
    assert episode.kind == "shared_lives" and episode.started_on == arrangement.starts_on
    arrangement_end(
        actor=s.carer_actor,
        arrangement=arrangement,
        reason="We are moving away",
        next_step="Introductions to two households near Sam's sister have started",
    )
    episode.refresh_from_db()
    assert episode.ended_on == TODAY
