"""Budgets are reviewed at least yearly: the page shows when, and people are told a month ahead."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kinfolk.budgets import services
from kinfolk.budgets.jobs import remind
from kinfolk.notifications.models import Notification

from .factories import a_budget

pytestmark = pytest.mark.django_db


def test_a_review_is_due_a_year_after_the_start_or_the_last_review(area):
    w = a_budget(area)
    start = w.budget.starts_on
    assert w.budget.review_due_on == start.replace(year=start.year + 1)
    today = timezone.localdate()
    services.review_record(actor=w.approver, budget=w.budget, reviewed_on=today)
    assert w.budget.review_due_on == today.replace(year=today.year + 1)


def test_the_person_and_the_manager_are_told_once_when_a_review_is_near(area):
    today = timezone.localdate()
    w = a_budget(area, starts_on=today - timedelta(days=350), ends_on=today + timedelta(days=200))
    assert remind(today) == "told:2"
    told = Notification.objects.filter(event="budgets.review_due")
    assert {n.recipient for n in told} == {w.you.user, w.manager.user}
    assert any("Your budget and support plan are due a review" in n.text for n in told)
    assert remind(today) == "told:0"


def test_nobody_is_told_when_the_review_is_far_off(area):
    a_budget(area)
    assert remind(timezone.localdate()) == "told:0"


def test_the_page_shows_when_the_review_is_due(area, signed_in_client):
    import html

    w = a_budget(area)
    page = html.unescape(
        signed_in_client(w.you.membership).get(f"/budgets/{w.budget.pk}/").content.decode()
    )
    assert "Review due" in page and f"{w.budget.review_due_on:%-d %B %Y}" in page
