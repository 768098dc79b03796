"""When a social prescribing referral ends, so does the access it gave to the whole record."""

from unittest.mock import patch

import pytest

from kinfolk.accounts.models import Role
from kinfolk.core.models import AuditAction, AuditLog
from kinfolk.core.tests.concurrency import all_at_once
from kinfolk.people.models import Assignment
from kinfolk.people.rules import can
from kinfolk.social_prescribing import selectors, services
from kinfolk.social_prescribing.models import Message, Referral


@pytest.fixture
def loop(area, make_member):
    return make_member(Role.REFERRER, area), make_member(Role.LINK_WORKER, area)


def _refer_and_take(gp, link, actor_for, person=None):
    fields = dict(
        practice="Calder Health Centre", reasons=["loneliness"], consent_recorded=True,
        consent_given_by="person",
    )  # fmt: skip
    if person is None:
        fields["new_person"] = {"given_name": "Joan", "family_name": "Pickles"}
    referral = services.referral_create(actor=actor_for(gp), person=person, **fields)
    return services.referral_take(actor=actor_for(link), referral=referral)


def _close(link, referral, actor_for):
    services.referral_close(actor=actor_for(link), referral=referral, summary="Walking weekly")


def _decline(link, referral, actor_for):
    services.referral_decline(actor=actor_for(link), referral=referral, reason="Not now")


@pytest.mark.parametrize("end", [_close, _decline], ids=["closed", "declined"])
def test_ending_a_referral_ends_the_link_workers_and_referrers_access(
    loop, actor_for, signed_in_client, end
):
    gp, link = loop
    referral = _refer_and_take(gp, link, actor_for)
    person = referral.person
    assert can(actor_for(gp), "view_person", person)
    assert can(actor_for(link), "view_person", person)
    end(link, referral, actor_for)
    for member in (gp, link):
        assert not can(actor_for(member), "view_person", person)
        assert not can(actor_for(member), "edit_person", person)
        client = signed_in_client(member)
        assert client.get(f"/people/{person.pk}/").status_code == 403
        assert client.get(f"/api/v1/people/{person.pk}").status_code == 403
    ended = Assignment.objects.filter(person=person)
    assert {a.ended_because for a in ended} == {Assignment.EndedBecause.REFERRAL_CLOSED}
    assert AuditLog.objects.filter(
        action=AuditAction.DELETE, target_type="assignment", person_id=person.pk
    ).count() == len(ended)


def test_the_referrer_keeps_their_referral_and_its_outcome(loop, actor_for, signed_in_client):
    gp, link = loop
    referral = _refer_and_take(gp, link, actor_for)
    _close(link, referral, actor_for)
    client = signed_in_client(gp)
    page = client.get(f"/social-prescribing/referrals/{referral.pk}/")
    assert page.status_code == 200
    assert "Walking weekly" in page.content.decode()
    mine = client.get("/social-prescribing/my-referrals/").content.decode()
    assert "Walking weekly" in mine
    assert selectors.referral_get(actor=actor_for(gp), referral_id=referral.pk) == referral


def test_access_stays_while_another_referral_for_the_person_is_open(loop, actor_for):
    gp, link = loop
    first = _refer_and_take(gp, link, actor_for)
    # Two open referrals for one person are no longer made (a second is shown instead), but
    # ones made before that rule, or by two practices at once, still end access correctly.
    with patch.object(services, "_open_referral", return_value=None):
        second = _refer_and_take(gp, link, actor_for, person=first.person)
    _close(link, first, actor_for)
    assert can(actor_for(gp), "view_person", first.person)
    assert can(actor_for(link), "view_person", first.person)
    _decline(link, second, actor_for)
    assert not can(actor_for(gp), "view_person", first.person)
    assert not can(actor_for(link), "view_person", first.person)


def _fresh(referral):
    """Each thread reads the referral for itself, as separate requests would."""
    return Referral.objects.select_related("person", "person__area").get(pk=referral.pk)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_closing_and_declining_at_once_ends_the_referral_once(loop, actor_for):
    gp, link = loop
    referral = _refer_and_take(gp, link, actor_for)
    outcomes = all_at_once(
        [
            lambda: _close(link, _fresh(referral), actor_for),
            lambda: _decline(link, _fresh(referral), actor_for),
            lambda: _close(link, _fresh(referral), actor_for),
        ]
    )
    assert sorted(outcomes) == ["closed", "closed", "done"]
    assert Message.objects.filter(referral=referral).count() == 1


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_closing_a_persons_two_referrals_at_once_ends_access(loop, actor_for):
    gp, link = loop
    for _ in range(3):
        first = _refer_and_take(gp, link, actor_for)
        with patch.object(services, "_open_referral", return_value=None):  # made before the rule
            second = _refer_and_take(gp, link, actor_for, person=first.person)
        outcomes = all_at_once(
            [
                lambda first=first: _close(link, _fresh(first), actor_for),
                lambda second=second: _decline(link, _fresh(second), actor_for),
            ]
        )
        assert outcomes == ["done", "done"]
        assert not can(actor_for(gp), "view_person", first.person)
        assert not can(actor_for(link), "view_person", first.person)


def test_the_demo_keeps_no_access_from_ended_referrals(db):
    """The demo area follows the same rule: an ended referral leaves no allocation behind."""
    from django.core.management import call_command
    from django.db.models import Q

    call_command("demo", people=185, carers=3)  # social prescribing uses people 150 to 180
    ended = Referral.objects.filter(status__in=["closed", "declined"])
    assert ended.exists()
    for referral in ended:
        still_open = Referral.objects.filter(person=referral.person).exclude(
            status__in=["closed", "declined"]
        )
        live = Assignment.objects.filter(person=referral.person, ended_at__isnull=True).filter(
            Q(worker=referral.referrer, kind=Assignment.Kind.REFERRER)
            | Q(worker=referral.link_worker, kind=Assignment.Kind.LINK_WORKER)
        )
        assert not live.exists() or still_open.exists(), referral.pk
