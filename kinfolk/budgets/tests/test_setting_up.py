"""A budget approver sets up a budget from a page: finds the person by name, says how it is
held, how much, for when, who holds it and who keeps its ledger (only people the person knows,
or a support broker; never the approver). The person writes their plan in their words; the
approver records each review. Bad input changes nothing; nobody else may."""

import html
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.budgets import services
from kinfolk.budgets.models import Account, Budget, BudgetKind, HeldBy
from kinfolk.core.models import AuditAction, AuditLog
from kinfolk.core.tests.pages import words_on
from kinfolk.people.tests.factories import PersonFactory

from .factories import a_budget, actor

pytestmark = pytest.mark.django_db


def _date(prefix: str, day: date) -> dict:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def _form(manager, **changes) -> dict:
    today = timezone.localdate()
    data = {
        "kind": BudgetKind.DIRECT_PAYMENT,
        "amount": "£3,600",
        **_date("starts_on", today),
        **_date("ends_on", today + timedelta(days=364)),
        "held_by": HeldBy.PERSON,
        "holder_name": "Ruth Akhtar",
        "manager": str(manager.pk),
    }
    data.update(changes)
    return data


@pytest.fixture
def world(area):
    person = PersonFactory(area=area, given_name="Ruth", family_name="Akhtar")
    return person, actor(Role.BUDGET_APPROVER, area), actor(Role.BROKER, area)


def test_an_approver_finds_the_person_and_sets_up_their_budget(world, signed_in_client):
    person, approver, broker = world
    client = signed_in_client(approver.membership)
    found = words_on(client.get("/budgets/new/?q=akht").content.decode())
    assert f"Set up a budget for {person.told_apart}" in found
    page = words_on(client.get(f"/budgets/new/{person.pk}/").content.decode())
    assert f"{broker.user.display_name} (support broker)" in page
    assert approver.user.display_name not in page.split("Who records what is paid")[1]
    done = client.post(f"/budgets/new/{person.pk}/", _form(broker.user), follow=True)
    assert "The budget is set up. Ruth can now write their support plan." in words_on(
        done.content.decode()
    )
    budget = Budget.objects.get(person=person)
    assert budget.amount_pence == 360_000 and budget.manager == broker.user
    assert not budget.plan.outcomes.exists()
    assert Account.objects.filter(budget=budget).exists()
    assert AuditLog.objects.filter(action=AuditAction.CREATE, target_id=str(budget.pk)).exists()


def test_bad_answers_are_named_by_question_and_make_nothing(world, signed_in_client):
    person, approver, broker = world
    client = signed_in_client(approver.membership)
    today = timezone.localdate()
    page = client.post(
        f"/budgets/new/{person.pk}/",
        _form(broker.user, amount="lots", **_date("ends_on", today - timedelta(days=1))),
    )
    words = words_on(html.unescape(page.content.decode()))
    assert "Give an amount of money, like £60.00." in words
    assert "The budget must end after it starts." in words
    stranger = actor(Role.BROKER, approver.membership.area).user
    stranger.memberships.all().delete()
    page = client.post(f"/budgets/new/{person.pk}/", _form(stranger))
    assert "id_manager-error" in page.content.decode()
    assert not Budget.objects.exists()


def test_the_service_refuses_a_manager_the_person_does_not_know(world):
    person, approver, _ = world
    with pytest.raises(ValidationError, match="Choose someone the person knows"):
        services.budget_set_up(
            actor=approver, person=person, kind=BudgetKind.NOTIONAL, amount_pence=100,
            starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31), held_by=HeldBy.COUNCIL,
            holder_name="Calder Vale Council", manager=approver.user,
        )  # fmt: skip
    assert not Budget.objects.exists()


def test_only_a_budget_approver_sets_one_up_and_only_in_their_area(
    world, area, other_area, signed_in_client
):
    person, _, broker = world
    for who in (broker, actor(Role.PERSON, area), actor(Role.SCHEME_WORKER, area)):
        client = signed_in_client(who.membership)
        assert client.get("/budgets/new/").status_code == 403
        assert client.post(f"/budgets/new/{person.pk}/", _form(broker.user)).status_code == 403
    elsewhere = signed_in_client(actor(Role.BUDGET_APPROVER, other_area).membership)
    assert elsewhere.get(f"/budgets/new/{person.pk}/").status_code == 404
    assert str(person.pk) not in elsewhere.get("/budgets/new/?q=Ruth").content.decode()
    assert not Budget.objects.exists()


def test_the_person_writes_what_they_want_until_the_plan_is_agreed(area, signed_in_client):
    w = a_budget(area, approved=False)
    client = signed_in_client(w.you.membership)
    page = words_on(client.get(f"/budgets/{w.budget.pk}/").content.decode())
    assert "Write what I want my life to look like" in page
    url = f"/budgets/{w.budget.pk}/plan/words/"
    client.post(url, {"in_my_words": "Out in the garden most days, and my own front door."})
    w.budget.plan.refresh_from_db()
    assert w.budget.plan.in_my_words == "Out in the garden most days, and my own front door."
    services.outcome_add(actor=w.you, budget=w.budget, wellbeing_area="participation",
                         in_my_words="Garden", support="A gardener", cost_pence=100)  # fmt: skip
    services.plan_agree(actor=w.you, budget=w.budget)
    refused = client.post(url, {"in_my_words": "Changed after agreeing"}, follow=True)
    assert "Changed after agreeing" not in Budget.objects.get(pk=w.budget.pk).plan.in_my_words
    assert "The plan has been agreed, so it cannot change now." in words_on(
        refused.content.decode()
    )


def test_the_approver_records_a_review_and_the_next_is_due_a_year_on(area, signed_in_client):
    w = a_budget(area)
    today = timezone.localdate()
    client = signed_in_client(w.approver.membership)
    assert "Record a review" in words_on(client.get(f"/budgets/{w.budget.pk}/").content.decode())
    future = client.post(
        f"/budgets/{w.budget.pk}/review/", _date("reviewed_on", today + timedelta(days=3))
    )
    assert "A review cannot be in the future." in words_on(future.content.decode())
    assert Budget.objects.get(pk=w.budget.pk).reviewed_on is None
    done = client.post(f"/budgets/{w.budget.pk}/review/", _date("reviewed_on", today), follow=True)
    assert "The review is recorded. The next is due by" in words_on(done.content.decode())
    assert Budget.objects.get(pk=w.budget.pk).reviewed_on == today
    manager = signed_in_client(w.manager.membership)
    assert manager.get(f"/budgets/{w.budget.pk}/review/").status_code == 403


def test_my_budget_shows_the_latest_ten_payments_first_and_the_rest_on_pages(
    area, signed_in_client
):
    w = a_budget(area, money_in=124_000)
    today = timezone.localdate()
    for n in range(12):
        services.payment_record(actor=w.manager, budget=w.budget, amount_pence=100 + n,
                                happened_on=today, payee=f"Payee {n}")  # fmt: skip
    client = signed_in_client(w.you.membership)
    first = words_on(client.get(f"/budgets/{w.budget.pk}/").content.decode())
    assert "Latest first. Showing 1 to 10 of 13." in first
    assert "Payee 11" in first and "Payee 1 " not in first
    second = words_on(client.get(f"/budgets/{w.budget.pk}/?page=2").content.decode())
    assert "Showing 11 to 13 of 13." in second and "Payee 0" in second
