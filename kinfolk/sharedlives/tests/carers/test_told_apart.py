"""Households with the same name are told apart on the scheme worker's list."""

from kinfolk.accounts.models import Role
from kinfolk.sharedlives.tests.factories import CarerFactory


def test_same_named_households_show_where_they_are(area, make_member, signed_in_client):
    CarerFactory(area=area, name="The Brown household", postcode="HX1 2AB")
    CarerFactory(area=area, name="The Brown household", postcode="HX7 5QP")
    worker = make_member(Role.SCHEME_WORKER, area)
    page = signed_in_client(worker).get("/shared-lives/carers/").content.decode()
    rows = [row for row in page.split("<tr") if "The Brown household" in row]
    assert len(rows) == 2
    assert "HX1" in rows[0] + rows[1] and "HX7" in rows[0] + rows[1]
