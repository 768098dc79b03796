"""A review records both sides' views, what goes well, what to change and the actions agreed,
and can send the household back to panel."""

from html import unescape

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinfolk.sharedlives.arrangements.services import review_record
from kinfolk.sharedlives.models import ArrangementReview, ReviewKind
from kinfolk.sharedlives.tests.journeys import TODAY, agreed, start


def _review(s, kind=ReviewKind.FOUR_WEEK):
    arrangement = start(s, agreed(s))
    return arrangement, arrangement.reviews.filter(kind=kind).first()


def _record(actor, review, **overrides):
    fields = dict(
        done_on=TODAY,
        person_view="I like the garden and the dog",
        carer_view="Settling in well",
        going_well="Evening meals together",
        to_change="More time at the day centre",
        agreed_actions="Worker to call the day centre by Friday",
    )
    fields.update(overrides)
    return review_record(actor=actor, review=review, **fields)


def test_a_review_needs_both_sides_views(scheme):
    s = scheme
    _, review = _review(s)
    with pytest.raises(ValidationError, match="person's view"):
        _record(s.worker, review, person_view="  ")
    with pytest.raises(ValidationError, match="carer's view"):
        _record(s.worker, review, carer_view="")
    review.refresh_from_db()
    assert review.done_on is None


def test_only_the_allocated_worker_records_a_review(scheme):
    s = scheme
    _, review = _review(s)
    for actor in (s.other_worker, s.carer_actor, s.you):
        with pytest.raises(PermissionDenied):
            _record(actor, review)


def test_an_annual_review_can_send_the_household_back_to_panel(scheme, signed_in_client):
    s = scheme
    _, review = _review(s, ReviewKind.ANNUAL)
    _record(s.worker, review, back_to_panel=True)
    s.carer.refresh_from_db()
    assert "annual review" in s.carer.back_to_panel_because
    client = signed_in_client(s.worker.membership)
    listing = unescape(client.get(reverse("sharedlives:carers")).content.decode())
    assert "Back to panel" in listing
    page = unescape(client.get(reverse("sharedlives:carer", args=[s.carer.pk])).content.decode())
    assert "Back to panel." in page and "asked panel to look again" in page


def test_the_arrangement_page_shows_both_views_and_old_notes_stay_readable(
    scheme, signed_in_client
):
    s = scheme
    arrangement, review = _review(s)
    _record(s.worker, review)
    old = arrangement.reviews.filter(kind=ReviewKind.MONTHLY_VISIT).first()
    ArrangementReview.objects.filter(pk=old.pk).update(done_on=TODAY, notes="Old-style notes")
    client = signed_in_client(s.carer_actor.membership)
    text = unescape(
        client.get(reverse("sharedlives:arrangement", args=[arrangement.pk])).content.decode()
    )
    assert "The person's view" in text and "I like the garden and the dog" in text
    assert "The carer's view" in text and "Settling in well" in text
    assert "Worker to call the day centre by Friday" in text
    assert "Old-style notes" in text


def test_the_review_page_names_each_missing_view(scheme, signed_in_client):
    s = scheme
    arrangement, review = _review(s)
    url = reverse("sharedlives:review_record", args=[arrangement.pk, review.pk])
    client = signed_in_client(s.worker.membership)
    response = client.post(
        url,
        {
            "done_on_day": TODAY.day,
            "done_on_month": TODAY.month,
            "done_on_year": TODAY.year,
            "back_to_panel": "no",
        },
    )
    text = unescape(response.content.decode())
    summary = text.split("nhsuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
    assert "Enter the person's view" in summary and "Enter the carer's view" in summary
    review.refresh_from_db()
    assert review.done_on is None
    assert signed_in_client(s.other_worker.membership).get(url).status_code == 403
