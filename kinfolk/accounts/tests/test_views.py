"""The area admin's memberships page asks the database a bounded number of times."""

from kinfolk.accounts.models import Role


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
