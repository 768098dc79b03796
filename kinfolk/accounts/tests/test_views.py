"""The area admin's memberships: searched, in pages, removed only after saying what happens,
and a page that asks the database a bounded number of times."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from kinfolk.accounts.models import ApiToken, Membership, Role
from kinfolk.accounts.tests.factories import MembershipFactory, UserFactory


def _table(response) -> str:
    html = response.content.decode()
    return html[html.index("<table") : html.index("</table>")]


def _admin_client(make_member, area, signed_in_client):
    return signed_in_client(make_member(Role.AREA_ADMIN, area, display_name="Helen Price"))


def test_memberships_are_searched_by_name_or_email_and_role(make_member, area, signed_in_client):
    client = _admin_client(make_member, area, signed_in_client)
    make_member(Role.LINK_WORKER, area, display_name="Callum Smith", email="callum@example.test")
    make_member(Role.PERSON, area, display_name="Callum Jones")
    url = reverse("accounts:memberships")
    page = _table(client.get(url, {"words": "callum"}))
    assert "Callum Smith" in page and "Callum Jones" in page and "Helen Price" not in page
    page = client.get(url, {"words": "callum", "role": "link_worker"}).content.decode()
    assert "Callum Smith" in page and "Callum Jones" not in page
    page = client.get(url, {"words": "nobody-at-all"}).content.decode()
    assert "Nobody matches that search" in page


def test_a_long_list_comes_in_pages_of_25(make_member, area, signed_in_client):
    client = _admin_client(make_member, area, signed_in_client)
    for n in range(60):
        MembershipFactory(area=area, role=Role.PERSON, user=UserFactory(display_name=f"P{n:02}"))
    url = reverse("accounts:memberships")
    first = client.get(url).content.decode()
    assert "61 roles, page 1 of 3" in first
    assert first.count('class="nhsuk-table__row"') == 25
    last = client.get(url, {"page": 3}).content.decode()
    assert last.count('class="nhsuk-table__row"') == 11
    assert 'href="?page=2"' in last


def test_removing_a_role_asks_first_and_says_what_will_happen(make_member, area, signed_in_client):
    client = _admin_client(make_member, area, signed_in_client)
    worker = make_member(Role.LINK_WORKER, area, display_name="Callum Smith")
    ApiToken.objects.create(
        membership=worker,
        name="Reports",
        token_hash="x" * 64,
        expires_at=timezone.now() + timedelta(days=1),
    )
    url = reverse("accounts:membership_remove", args=[worker.pk])
    page = client.get(url).content.decode()
    assert "Remove the link worker role from Callum Smith?" in page
    assert "Their API tokens for this role will stop working" in page
    assert Membership.objects.filter(pk=worker.pk).exists()
    client.post(url)
    assert not Membership.objects.filter(pk=worker.pk).exists()
    assert not ApiToken.objects.filter(name="Reports").exists()


def test_the_memberships_page_does_not_grow_with_the_number_of_roles(
    make_member, area, signed_in_client, django_assert_max_num_queries
):
    admin = make_member(Role.AREA_ADMIN, area)
    for _ in range(30):
        make_member(Role.LINK_WORKER, area)
    client = signed_in_client(admin)
    with django_assert_max_num_queries(15):
        page = client.get("/accounts/memberships/")
    assert page.status_code == 200
    assert "31 roles, page 1 of 2" in page.content.decode()
