"""The public search page's filters, micro-enterprise listings and their approval, shortlists."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.directory import listing_checks, selectors, services
from kinfolk.directory.models import Organization
from kinfolk.directory.tests.factories import service, term
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory


@pytest.fixture
def listed(area):
    active = term("Being active")
    walk = service(area, "Walking group", category=active, byday="TU", step_free=True)
    choir = service(area, "Community choir", amount=5, byday="SA", step_free=False,
                    lat=53.742, lon=-2.014)  # fmt: skip
    youth = service(area, "Youth club", minimum_age=11, byday="FR")
    return walk, choir, youth, active


def names(found):
    return sorted(s.name for s in found)


def test_each_filter(listed):
    walk, choir, youth, active = listed
    assert names(selectors.search_services(search="walking")) == ["Walking group"]
    assert names(selectors.search_services(search="WALKING group")) == ["Walking group"]
    assert names(selectors.search_services(taxonomy_term_id=active.pk)) == ["Walking group"]
    assert names(selectors.search_services(day="SA")) == ["Community choir"]
    assert "Community choir" not in names(selectors.search_services(free=True))
    assert names(selectors.search_services(step_free=True)) == ["Walking group", "Youth club"]
    assert "Youth club" not in names(selectors.search_services(age=8))
    near = selectors.Near(53.7235, -1.864, 3)
    nearby = selectors.with_distance(list(selectors.search_services(near=near)), near)
    assert [s.name for s, _ in nearby] == ["Walking group", "Youth club"]


def test_the_search_page_is_public_and_shows_results(listed, db):
    response = Client().get("/directory/", {"words": "choir"})
    assert response.status_code == 200
    assert "Community choir" in response.content.decode()
    assert "Walking group" not in response.content.decode()


def test_a_postcode_outside_the_area_is_a_clear_message(listed):
    page = Client().get("/directory/", {"postcode": "ZZ9 9ZZ"}).content.decode()
    assert "We do not know where ZZ9 9ZZ is" in page


def test_the_distance_view_groups_by_how_far(listed):
    page = Client().get(
        "/directory/", {"postcode": "HX1 2AB", "distance": "25", "view": "distance"}
    )
    html = page.content.decode()
    assert "Within 1 km" in html and "10 to 25 km" in html


def _evidence(days=300):
    return {k: date.today() + timedelta(days=days) for k in ("insurance", "dbs", "safeguarding")}


def _listing(actor, **overrides):
    fields = dict(
        name="Sunflower Support", description="Two of us", service_name="Days out",
        service_description="Trips to the coast", workers=2,
        payment_methods=["direct_payment"], capacity="Room for 2", evidence=_evidence(),
    )  # fmt: skip
    fields.update(overrides)
    return services.micro_enterprise_submit(actor=actor, **fields)


def test_a_micro_enterprise_listing_waits_for_the_area_admin(area, make_member, actor_for):
    member = actor_for(make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area))
    admin = actor_for(make_member(Role.AREA_ADMIN, area))
    org = _listing(member)
    assert org.listing_status == "pending"
    assert not selectors.listed_services().filter(organization=org).exists()
    with pytest.raises(ValidationError, match="1 to 8 workers"):
        _listing(member, workers=12)
    with pytest.raises(ValidationError, match="how people can pay"):
        _listing(member, payment_methods=[])
    with pytest.raises(PermissionDenied):
        services.listing_decide(actor=member, org=org, approve=True)
    with pytest.raises(ValidationError, match="Say why"):
        services.listing_decide(actor=admin, org=org, approve=False)
    with pytest.raises(ValidationError, match="Say why"):  # invisible characters are not a reason
        services.listing_decide(
            actor=admin, org=org, approve=False, reason="\u200b \u00a0\u2066\u2069\ufeff"
        )
    services.listing_decide(actor=admin, org=org, approve=True)
    assert selectors.listed_services().filter(organization=org).exists()


def test_a_refusal_keeps_its_reason_on_the_listing_not_in_the_audit_log(
    area, make_member, actor_for
):
    from kinfolk.core.models import AuditLog

    member = actor_for(make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area))
    admin = actor_for(make_member(Role.AREA_ADMIN, area))
    org = _listing(member)
    services.listing_decide(actor=admin, org=org, approve=False, reason="Jo Bloggs has no DBS")
    org.refresh_from_db()
    assert org.listing_decision_reason == "Jo Bloggs has no DBS"
    entry = AuditLog.objects.filter(target_type="listing").latest("sequence")
    assert (entry.target_id, entry.reason) == (str(org.pk), "")
    assert "Bloggs" not in str(AuditLog.objects.values_list("reason", "detail"))


def test_expired_evidence_blocks_approval_and_old_listings_are_stale(area, make_member, actor_for):
    member = actor_for(make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area))
    admin = actor_for(make_member(Role.AREA_ADMIN, area))
    org = _listing(member, evidence={**_evidence(), "insurance": date.today() - timedelta(days=1)})
    with pytest.raises(ValidationError, match="Public liability insurance expired"):
        services.listing_decide(actor=admin, org=org, approve=True)
    Organization.objects.filter(pk=org.pk).update(confirmed_at=timezone.now() - timedelta(days=200))
    org.refresh_from_db()
    assert listing_checks.is_stale(org)
    services.listing_confirm(actor=member, org=org)
    assert not listing_checks.is_stale(org)


def test_a_worker_sends_a_shortlist_only_to_someone_they_support(
    listed, area, make_member, actor_for
):
    walk, choir, *_ = listed
    worker = actor_for(make_member(Role.LINK_WORKER, area))
    stranger = actor_for(make_member(Role.LINK_WORKER, area))
    person = PersonFactory(area=area)
    AssignmentFactory(person=person, worker=worker.user)
    shortlist = services.shortlist_send(
        actor=worker, person=person, services=[walk, choir], note="Have a look"
    )
    assert set(shortlist.services.all()) == {walk, choir}
    with pytest.raises(PermissionDenied):
        services.shortlist_send(actor=stranger, person=person, services=[walk])
    with pytest.raises(ValidationError):
        services.shortlist_send(actor=worker, person=person, services=[])
