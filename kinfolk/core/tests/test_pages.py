"""Pages a person sees: the demo banner, the footer's pages, and error pages in the NHS.UK style."""

import pytest
from django.test import Client, override_settings

from kinfolk.accounts.models import Role


def test_the_404_page_is_written_for_a_person(db):
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and "nhsuk-header" in html


def test_the_403_page_explains_and_offers_a_way_on(make_member, area, person, signed_in_client):
    response = signed_in_client(make_member(Role.COMMISSIONER, area)).get(f"/people/{person.pk}/")
    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()


def test_the_500_page_renders_without_the_database():
    from django.test import RequestFactory

    from kinfolk.core.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


@override_settings(KINFOLK_DEMO=True)
def test_every_page_says_when_it_is_a_demo(db):
    assert "Everyone in it is made up" in Client().get("/accounts/login/").content.decode()


def test_no_demo_banner_outside_demo_mode(db):
    assert "Everyone in it is made up" not in Client().get("/accounts/login/").content.decode()


@pytest.mark.parametrize(
    "path", ["/static/nhsuk/nhsuk-frontend.min.css", "/static/kinfolk/kinfolk.js"]
)
def test_the_nhsuk_frontend_is_served_from_the_installed_package(db, path):
    response = Client().get(path)
    assert response.status_code == 200


def test_a_confirmation_banner_shows_words_not_markup(make_member, area, signed_in_client):
    from kinfolk.accounts.models import Role

    client = signed_in_client(make_member(Role.PERSON, area))
    response = client.post("/accounts/security/", {"name": "My <b>app</b>", "days": "90"})
    client.post("/accounts/logout/")
    page = client.get("/accounts/login/").content.decode()
    banner = page[page.index("nhsuk-notification-banner") :]
    assert '<p class="nhsuk-notification-banner__heading">You have signed out.</p>' in banner
    assert "&lt;p" not in page and response.status_code == 200


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/accessibility/", "Accessibility statement"),
        ("/privacy/", "Privacy notice"),
        ("/cookies/", "Cookies"),
        ("/contact/", "Contact us"),
    ],
)
def test_the_footer_leads_to_the_pages_every_public_service_has(db, path, heading):
    footer = Client().get("/").content.decode().split("nhsuk-footer", 1)[1]
    assert f'href="{path}"' in footer
    assert f"<h1>{heading}</h1>" in Client().get(path).content.decode()


def test_kinfolk_sets_only_the_cookies_the_cookie_page_lists(make_member, area):
    from kinfolk.accounts.models import Role
    from kinfolk.accounts.tests.factories import PASSWORD

    member = make_member(Role.PERSON, area)
    client = Client()
    seen = set()
    for response in (
        client.get("/"),
        client.get("/accounts/login/"),
        client.post("/accounts/login/", {"email": member.user.email, "password": PASSWORD}),
        client.get("/"),
        client.get("/directory/"),
    ):
        seen |= set(response.cookies)
    listed = Client().get("/cookies/").content.decode()
    assert seen == {"sessionid", "csrftoken"}
    assert all(f">{name}<" in listed for name in seen)
