"""Whatever a feed holds, the import lists problems or imports; it never crashes."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinfolk.directory import feeds

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
keys = [
    "id",
    "name",
    "status",
    "organization",
    "organization_id",
    "schedules",
    "cost_options",
    "service_at_locations",
    "attributes",
    "last_modified",
    "minimum_age",
    "url",
]
services = st.lists(
    st.one_of(json_values, st.dictionaries(st.sampled_from(keys), json_values, max_size=8)),
    max_size=3,
)


@pytest.mark.django_db
@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(services)
def test_any_feed_imports_or_lists_its_problems(area, raw):
    try:
        feeds.import_services(raw, area)
    except feeds.Problems as problems:
        assert problems.problems


PATHS = [
    ("name",),
    ("status",),
    ("minimum_age",),
    ("url",),
    ("last_modified",),
    ("organization",),
    ("organization", "name"),
    ("schedules",),
    ("schedules", 0, "opens_at"),
    ("schedules", 0, "byday"),
    ("cost_options", 0, "amount"),
    ("service_at_locations", 0),
    ("service_at_locations", 0, "location", "latitude"),
    ("attributes", 0, "taxonomy_term"),
    ("attributes", 0, "taxonomy_term", "name"),
]


@pytest.mark.django_db
@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(PATHS), json_values)
def test_one_bad_field_in_a_good_feed_is_reported_not_crashed(area, path, value):
    from kinfolk.directory.models import Service
    from kinfolk.directory.tests.test_feeds import _feed

    feed = _feed(1)
    target = feed[0]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    before = Service.objects.count()
    try:
        feeds.import_services(feed, area)
    except feeds.Problems as problems:
        assert problems.problems and Service.objects.count() == before
