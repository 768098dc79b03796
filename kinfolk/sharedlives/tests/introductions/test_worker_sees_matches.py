"""The person's allocated worker sees their matches as the person does, but cannot say yes."""

from html import unescape

from django.urls import reverse

from kinfolk.accounts.models import Role
from kinfolk.core.models import AuditAction, AuditLog


def _matches(client, person):
    return client.get(reverse("sharedlives:my_matches", args=[person.pk]))


def test_the_allocated_worker_sees_the_matches_with_actions_not_a_yes(scheme, signed_in_client):
    s = scheme
    response = _matches(signed_in_client(s.worker.membership), s.person)
    text = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Sam's matches" in text
    assert "The Hughes household" in text
    assert "See why The Hughes household was suggested" in text
    assert "Ask Sam: open their page" in text
    assert "I would like to meet" not in text
    assert "Only Sam (or someone they chose to act for them) can say yes" in text


def test_the_workers_read_is_audited_against_the_person(scheme, signed_in_client):
    s = scheme
    _matches(signed_in_client(s.worker.membership), s.person)
    assert AuditLog.objects.filter(
        actor=s.worker.user, action=AuditAction.VIEW, person_id=s.person.pk
    ).exists()


def test_the_person_still_says_yes_themselves(scheme, signed_in_client):
    s = scheme
    text = _matches(signed_in_client(s.you.membership), s.person).content.decode()
    assert "My matches" in text
    assert "I would like to meet" in text
    assert "See why" not in text


def test_a_worker_not_allocated_to_the_person_is_refused(scheme, signed_in_client):
    s = scheme
    response = _matches(signed_in_client(s.other_worker.membership), s.person)
    assert response.status_code == 403
    assert "The Hughes household" not in response.content.decode()


def test_a_worker_in_another_area_finds_nothing(scheme, other_area, make_member, signed_in_client):
    s = scheme
    elsewhere = make_member(Role.SCHEME_WORKER, other_area)
    assert _matches(signed_in_client(elsewhere), s.person).status_code == 404
