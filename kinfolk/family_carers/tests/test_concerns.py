"""Raise a concern (Martha's Rule): someone close to a person says they are worried and not
being heard; the person's worker and the lead are told with a deadline (24 hours if urgent);
a concern not answered in time goes to the lead; the answer goes back to whoever raised it."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.core.tests.pages import words_on
from kinfolk.family_carers.concerns import services
from kinfolk.family_carers.concerns.models import Concern, RaisedAs
from kinfolk.family_carers.models import CaredFor
from kinfolk.notifications.models import Notification
from kinfolk.notifications.schedules import run_due_jobs
from kinfolk.people.models import GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, AssignmentFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def circle(area, make_member, actor_for):
    """Mum (a person with a record), her daughter (a family carer she agreed to link), her
    worker, the area admin as lead, and someone unconnected."""
    mum_member = make_member(Role.PERSON, area, display_name="Rose Hall")
    mum = PersonFactory(area=area, user=mum_member.user, given_name="Rose", family_name="Hall")
    daughter = actor_for(make_member(Role.FAMILY_CARER, area, display_name="Lily Hall"))
    CaredFor.objects.create(area=area, carer=daughter.user, person=mum, name="Mum",
                            agreed_at=timezone.now(), agreed_by=mum_member.user)  # fmt: skip
    worker = make_member(Role.SCHEME_WORKER, area)
    AssignmentFactory(person=mum, worker=worker.user)
    return {
        "mum": mum,
        "mum_actor": actor_for(mum_member),
        "daughter": daughter,
        "worker": actor_for(worker),
        "lead": actor_for(make_member(Role.AREA_ADMIN, area)),
        "stranger": actor_for(make_member(Role.FAMILY_CARER, area)),
    }


def _told(actor, event):
    return list(
        Notification.objects.filter(recipient=actor.user, event=event).values_list(
            "text", flat=True
        )
    )


def test_an_urgent_concern_reaches_the_worker_and_the_lead_with_a_24_hour_deadline(circle):
    c = circle
    worry = "Mum has not eaten for two days and nobody listens."
    concern = services.concern_raise(actor=c["daughter"], person=c["mum"], urgent=True, worry=worry)
    assert concern.raised_as == RaisedAs.FAMILY
    assert concern.respond_by - concern.raised_at == timedelta(hours=24)
    for who in ("worker", "lead"):
        [text] = _told(c[who], services.RAISED)
        assert text.startswith("An urgent concern about the care of someone you support. Answer by")
        assert "Rose" not in text
    assert _told(c["daughter"], services.RAISED) == []
    later = services.concern_raise(actor=c["mum_actor"], person=c["mum"], worry="My tablets",
                                   urgent=False)  # fmt: skip
    assert later.raised_as == RaisedAs.THE_PERSON
    assert later.respond_by - later.raised_at == timedelta(days=5)


def test_only_people_close_to_the_person_may_raise_one(circle, area, make_member, actor_for):
    c = circle
    with pytest.raises(PermissionDenied):
        services.concern_raise(actor=c["stranger"], person=c["mum"], worry="x", urgent=False)
    rep = make_member(Role.REPRESENTATIVE, area)
    AccessGrantFactory(person=c["mum"], grantee=rep.user, scope=GrantScope.VIEW)
    made = services.concern_raise(actor=actor_for(rep), person=c["mum"], worry="x", urgent=False)
    assert made.raised_as == RaisedAs.REPRESENTATIVE
    with pytest.raises(ValidationError):
        services.concern_raise(actor=c["daughter"], person=c["mum"], worry="  ", urgent=True)
    assert Concern.objects.count() == 1


def test_the_answer_goes_back_to_whoever_raised_it_once(circle, signed_in_client):
    c = circle
    concern = services.concern_raise(
        actor=c["daughter"], person=c["mum"], worry="Falls", urgent=True
    )
    with pytest.raises(PermissionDenied):
        services.concern_answer(actor=c["stranger"], concern=concern, answer="No")
    worker_page = signed_in_client(c["worker"].membership)
    url = f"/family-carers/concerns/{concern.pk}/"
    assert "Answer the concern" in words_on(worker_page.get(url).content.decode())
    refused = worker_page.post(url, {"answer": " "})
    assert "Enter your answer" in words_on(refused.content.decode())
    worker_page.post(url, {"answer": "I visited today; a falls assessment is booked for Friday.",
                           "next_step": "Physio on Friday"})  # fmt: skip
    assert _told(c["daughter"], services.ANSWERED) == ["Your concern has been answered."]
    seen = words_on(signed_in_client(c["daughter"].membership).get(url).content.decode())
    assert "a falls assessment is booked for Friday" in seen and "Physio on Friday" in seen
    with pytest.raises(ValidationError, match="answered already"):
        services.concern_answer(actor=c["lead"], concern=concern, answer="Again")


def test_a_concern_not_answered_in_time_goes_to_the_lead_once(circle):
    c = circle
    concern = services.concern_raise(actor=c["daughter"], person=c["mum"], worry="x", urgent=True)
    Concern.objects.filter(pk=concern.pk).update(
        raised_at=timezone.now() - timedelta(hours=30),
        respond_by=timezone.now() - timedelta(hours=6),
    )
    assert services.pass_late_concerns_on(None) == "passed_on:1"
    assert len(_told(c["lead"], services.LATE)) == 1
    assert _told(c["daughter"], services.LATE) == [
        "Your concern was not answered in time, so it has gone to a senior lead."
    ]
    assert services.pass_late_concerns_on(None) == "passed_on:0"
    assert Concern.objects.get(pk=concern.pk).escalated_at is not None


def test_the_late_concerns_job_runs_every_hour():
    ran = {r.job for r in run_due_jobs(timezone.now().replace(hour=3, minute=10))}
    assert "family_carers.late_concerns" in ran


def test_the_database_refuses_an_answer_without_words(circle):
    concern = services.concern_raise(actor=circle["daughter"], person=circle["mum"], worry="x",
                                     urgent=False)  # fmt: skip
    with pytest.raises(IntegrityError), transaction.atomic():
        Concern.objects.filter(pk=concern.pk).update(answered_at=timezone.now(), answer="")


def test_the_record_offers_the_way_to_raise_one_to_those_who_may(circle, signed_in_client):
    c = circle
    record = f"/people/{c['mum'].pk}/"
    assert (
        "I am worried and not being heard"
        in signed_in_client(c["mum_actor"].membership).get(record).content.decode()
    )
    page = signed_in_client(c["daughter"].membership).get(
        f"/family-carers/concerns/new/{c['mum'].pk}/"
    )
    assert "They must answer within 24 hours if it is urgent" in words_on(page.content.decode())
    assert (
        signed_in_client(c["stranger"].membership)
        .get(f"/family-carers/concerns/new/{c['mum'].pk}/")
        .status_code
        == 403
    )


def test_the_figures_are_for_commissioners_and_the_lead_only(
    circle, make_member, area, signed_in_client
):
    page = signed_in_client(make_member(Role.COMMISSIONER, area)).get(
        "/family-carers/concerns/figures/"
    )
    assert page.status_code == 200 and "Concerns raised" in page.content.decode()
    worker = signed_in_client(circle["worker"].membership).get("/family-carers/concerns/figures/")
    assert worker.status_code == 403


def test_times_read_as_people_say_them():
    from datetime import datetime

    moment = timezone.make_aware(datetime(2026, 11, 25, 14, 0))
    assert services.said_when(moment) == "2pm on 25 November"
    assert services.said_when(moment.replace(hour=9, minute=30)) == "9:30am on 25 November"


def test_the_linked_family_carer_finds_it_on_the_plan_page(circle, signed_in_client):
    c = circle
    from kinfolk.family_carers.models import EmergencyPlan

    cared_for = CaredFor.objects.get(carer=c["daughter"].user)
    EmergencyPlan.objects.create(area=cared_for.area, cared_for=cared_for)
    page = signed_in_client(c["daughter"].membership).get(f"/family-carers/plans/{cared_for.pk}/")
    words = words_on(page.content.decode())
    assert "I am worried about Mum's care and not being heard" in words
    assert "Ask for equipment or an adaptation for Mum" in words
