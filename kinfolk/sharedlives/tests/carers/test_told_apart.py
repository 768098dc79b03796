"""Households with the same name are told apart on the scheme worker's list."""

import re

from kinfolk.accounts.models import Role
from kinfolk.core.tests.pages import words_on
from kinfolk.sharedlives.tests.factories import CarerFactory, trained


def test_same_named_households_show_where_they_are(area, make_member, signed_in_client):
    CarerFactory(area=area, name="The Brown household", postcode="HX1 2AB")
    CarerFactory(area=area, name="The Brown household", postcode="HX7 5QP")
    worker = make_member(Role.SCHEME_WORKER, area)
    page = signed_in_client(worker).get("/shared-lives/carers/").content.decode()
    rows = [row for row in page.split("<tr") if "The Brown household" in row]
    assert len(rows) == 2
    assert "HX1" in rows[0] + rows[1] and "HX7" in rows[0] + rows[1]


def test_matches_come_five_at_a_time_and_same_named_households_show_where_they_are(
    scheme, signed_in_client
):
    for n in range(6):
        trained(
            CarerFactory(area=scheme.person.area, name="The Brown household", postcode=f"HX{n} 1AB")
        )
    client = signed_in_client(scheme.you.membership)
    url = f"/shared-lives/people/{scheme.person.pk}/matches/"
    first = words_on(client.get(url).content.decode())
    assert "Households who might suit you (8)" in first
    assert "Showing 1 to 5 of 8." in first
    second = words_on(client.get(url + "?page=2").content.decode())
    assert "Showing 6 to 8 of 8." in second
    assert len(set(re.findall(r"The Brown household \(HX\d\)", first + second))) == 6
