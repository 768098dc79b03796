"""Equipment across agencies: one request (a ceiling hoist and its bracket), a part for each
agency with a target date, a status the family reads in plain words, late parts flagged to the
person's workers and the lead each morning, and figures by agency for commissioners."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.core.periods import year_of
from kinfolk.core.tests.pages import words_on
from kinfolk.family_carers.equipment import selectors, services
from kinfolk.family_carers.equipment.models import EquipmentPart, EquipmentRequest, PartStatus
from kinfolk.family_carers.models import CaredFor
from kinfolk.notifications.models import Notification
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def home(area, make_member, actor_for):
    """Dad (a person), his daughter (a linked family carer), his worker and the lead."""
    dad_member = make_member(Role.PERSON, area, display_name="Samuel Adeyemi")
    dad = PersonFactory(area=area, user=dad_member.user, given_name="Samuel")
    joy = actor_for(make_member(Role.FAMILY_CARER, area, display_name="Joy Adeyemi"))
    CaredFor.objects.create(area=area, carer=joy.user, person=dad, name="Dad",
                            agreed_at=timezone.now(), agreed_by=dad_member.user)  # fmt: skip
    worker = make_member(Role.SCHEME_WORKER, area)
    AssignmentFactory(person=dad, worker=worker.user)
    return {"dad": dad, "joy": joy, "worker": actor_for(worker),
            "lead": actor_for(make_member(Role.AREA_ADMIN, area)),
            "stranger": actor_for(make_member(Role.FAMILY_CARER, area))}  # fmt: skip


def _hoist(h, bracket_due=None):
    return services.request_make(
        actor=h["joy"], person=h["dad"], what="A ceiling hoist for Dad's bedroom",
        parts=[("The hoist", "health", TODAY + timedelta(days=14)),
               ("The bracket fixed to the ceiling", "social_services",
                bracket_due or TODAY + timedelta(days=28))],
    )  # fmt: skip


def test_the_family_reads_where_each_agencys_part_is_up_to(home, signed_in_client):
    request = _hoist(home, bracket_due=TODAY - timedelta(days=3))
    hoist, bracket = request.parts.order_by("pk")
    services.part_update(actor=home["worker"], part=hoist, status=PartStatus.WORKING,
                         working_on=TODAY, note="Fitted and tested")  # fmt: skip
    services.part_update(actor=home["worker"], part=bracket, status=PartStatus.ORDERED,
                         note="Waiting for a surveyor")  # fmt: skip
    page = words_on(
        signed_in_client(home["joy"].membership).get(f"/family-carers/equipment/{request.pk}/")
        .content.decode()
    )  # fmt: skip
    assert "1 of 2 parts is late." in page
    assert "The hoist (Community equipment service (NHS)): Working in place since" in page
    assert (
        "The bracket fixed to the ceiling (Adult social care (the council)): Late it was "
        f"due by {bracket.target_on:%-d %B %Y}. They said: “Waiting for a surveyor”" in page
    )
    told = Notification.objects.filter(recipient=home["joy"].user, event=services.UPDATED)
    assert told.count() == 2 and "Samuel" not in told.first().text


def test_late_parts_are_flagged_to_the_workers_and_the_lead_once(home):
    request = _hoist(home, bracket_due=TODAY - timedelta(days=1))
    assert services.late_parts_flagged(TODAY) == "told:2"
    for who in ("worker", "lead"):
        [text] = Notification.objects.filter(
            recipient=home[who].user, event=services.PART_LATE
        ).values_list("text", flat=True)
        assert text.startswith(
            "The bracket fixed to the ceiling (Adult social care (the council)) is late"
        )
    assert services.late_parts_flagged(TODAY) == "told:0"
    bracket = request.parts.get(agency="social_services")
    services.part_update(actor=home["lead"], part=bracket, status=PartStatus.ORDERED,
                         target_on=TODAY + timedelta(days=7))  # fmt: skip
    assert services.late_parts_flagged(TODAY) == "told:0"  # a new target: not late


def test_only_people_close_to_the_person_ask_and_only_coordinators_update(home):
    with pytest.raises(PermissionDenied):
        _hoist({**home, "joy": home["stranger"]})
    request = _hoist(home)
    with pytest.raises(PermissionDenied):
        services.part_update(actor=home["joy"], part=request.parts.first(), status="ordered")
    with pytest.raises(ValidationError):
        services.request_make(actor=home["joy"], person=home["dad"], what=" ", parts=[])
    with pytest.raises(ValidationError, match="in place and working"):
        services.part_update(actor=home["worker"], part=request.parts.first(), status="working")
    assert EquipmentRequest.objects.count() == 1


def test_the_database_refuses_a_working_part_without_its_day(home):
    part = _hoist(home).parts.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        EquipmentPart.objects.filter(pk=part.pk).update(status="working")


def test_a_request_from_the_page_keeps_each_part_with_its_agency(home, signed_in_client):
    client = signed_in_client(home["joy"].membership)
    due = TODAY + timedelta(days=10)
    day = {"day": due.day, "month": due.month, "year": due.year}
    data = {"what": "A ceiling hoist", "part_1_name": "The hoist", "part_1_agency": "health",
            **{f"part_1_target_on_{k}": v for k, v in day.items()},
            "part_2_name": "The bracket", "part_2_agency": ""}  # fmt: skip
    refused = words_on(
        client.post(f"/family-carers/equipment/new/{home['dad'].pk}/", data).content.decode()
    )
    assert "Choose who supplies “The bracket”." in refused
    assert not EquipmentRequest.objects.exists()
    data.update(part_2_agency="social_services",
                **{f"part_2_target_on_{k}": v for k, v in day.items()})  # fmt: skip
    done = client.post(f"/family-carers/equipment/new/{home['dad'].pk}/", data, follow=True)
    assert "Each agency's part shows on this page" in words_on(done.content.decode())
    assert list(EquipmentPart.objects.values_list("agency", flat=True)) == [
        "health",
        "social_services",
    ]


def test_the_figures_by_agency_say_how_long_parts_took(home, area):
    last_year = year_of(TODAY - timedelta(days=366), TODAY)
    for n in range(6):
        request = _hoist(home)
        EquipmentRequest.objects.filter(pk=request.pk).update(requested_on=last_year.starts_on)
        EquipmentPart.objects.filter(request=request, agency="health").update(
            status="working", working_on=last_year.starts_on + timedelta(days=10 + n)
        )
    lines = {(x.section, x.label): x for x in selectors.figures(area=area, year=last_year)}
    health = "Community equipment service (NHS)"
    assert lines[(health, "In place and working")].value == 6
    assert lines[(health, "Median days from asking to working")].value == 12.5
    council = "Adult social care (the council)"
    assert lines[(council, "Parts asked for")].value == 6
    assert lines[(council, "In place and working")].value == 0
    assert lines[(council, "Median days from asking to working")].shown == "Suppressed"
