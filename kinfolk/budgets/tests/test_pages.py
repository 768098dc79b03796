"""Who sees a budget, and what they read: the person, their representative, the manager, an
allocated worker, an approver in the area; nobody else; another area 404; every read audited."""

import html

import pytest
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.budgets import services
from kinfolk.core.models import AuditAction, AuditLog
from kinfolk.people.models import GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, AssignmentFactory

from .factories import a_budget, actor

pytestmark = pytest.mark.django_db


def read(response) -> str:
    return html.unescape(response.content.decode())


def _page(client, budget):
    return client.get(f"/budgets/{budget.pk}/")


def _paid(w, pence=6_000, payee="Green Fingers gardening"):
    return services.payment_record(
        actor=w.manager,
        budget=w.budget,
        amount_pence=pence,
        happened_on=timezone.localdate(),
        payee=payee,
    )


def test_the_person_reads_what_is_left_their_plan_and_statement(area, signed_in_client):
    w = a_budget(area, money_in=124_000)
    _paid(w)
    page = read(_page(signed_in_client(w.you.membership), w.budget))
    assert "My budget" in page and "£1,180.00 is left." in page
    assert "You paid £60.00 to Green Fingers gardening." in page
    assert "Get back to my allotment" in page
    month = timezone.localdate().strftime("%B")
    assert f"In {month}:" in page


@pytest.mark.parametrize("who", ["representative", "manager", "allocated", "approver"])
def test_those_with_a_reason_see_it_and_the_read_is_audited(area, signed_in_client, who):
    w = a_budget(area, money_in=10_000)
    if who == "representative":
        someone = actor(Role.REPRESENTATIVE, area)
        AccessGrantFactory(person=w.person, grantee=someone.user, scope=GrantScope.VIEW)
    elif who == "allocated":
        someone = actor(Role.SCHEME_WORKER, area)
        AssignmentFactory(person=w.person, worker=someone.user)
    else:
        someone = w.manager if who == "manager" else w.approver
    response = _page(signed_in_client(someone.membership), w.budget)
    assert "Sam's budget" in read(response)
    assert AuditLog.objects.filter(
        actor=someone.user, action=AuditAction.VIEW, person_id=w.person.pk
    ).exists()


@pytest.mark.parametrize(
    "role",
    [Role.SCHEME_WORKER, Role.BROKER, Role.COMMISSIONER, Role.REPRESENTATIVE, Role.AREA_ADMIN],
)
def test_nobody_else_sees_it(area, signed_in_client, role):
    w = a_budget(area, money_in=10_000)
    response = _page(signed_in_client(actor(role, area).membership), w.budget)
    assert response.status_code == 403
    assert "£100.00" not in read(response)


def test_another_areas_approver_gets_not_found(area, other_area, signed_in_client):
    w = a_budget(area, money_in=10_000)
    elsewhere = actor(Role.BUDGET_APPROVER, other_area)
    assert _page(signed_in_client(elsewhere.membership), w.budget).status_code == 404


def test_paying_more_than_is_left_says_so_by_the_amount_and_changes_nothing(area, signed_in_client):
    w = a_budget(area, money_in=1_240)
    today = timezone.localdate()
    client = signed_in_client(w.manager.membership)
    response = client.post(
        f"/budgets/{w.budget.pk}/payments/",
        {
            "payee": "Green Fingers",
            "amount": "£20",
            "happened_on_day": today.day,
            "happened_on_month": today.month,
            "happened_on_year": today.year,
        },
    )
    page = read(response)
    assert response.status_code == 200
    assert "There is £12.40 left; this payment is £20.00." in page
    assert 'href="#amount' in page or "#id_amount" in page
    assert w.budget.movements.count() == 1


def test_a_reversal_asks_first_and_needs_a_reason(area, signed_in_client):
    w = a_budget(area, money_in=10_000)
    paid = _paid(w)
    client = signed_in_client(w.manager.membership)
    url = f"/budgets/{w.budget.pk}/movements/{paid.pk}/reverse/"
    asked = read(client.get(url))
    assert "Reverse the payment of £60.00 to Green Fingers gardening?" in asked
    refused = read(client.post(url, {"reason": "  "}))
    assert "Why is this payment being reversed?" in refused and paid.budget.movements.count() == 2
    client.post(url, {"reason": "Invoice was wrong"})
    page = read(_page(client, w.budget))
    assert "£100.00 is left." in page and "Invoice was wrong" in page


def test_the_person_agrees_and_an_approver_approves_two_different_people(area, signed_in_client):
    w = a_budget(area, approved=False)
    services.outcome_add(
        actor=w.you,
        budget=w.budget,
        wellbeing_area="relationships",
        in_my_words="See my brother",
        support="Taxi fares",
        cost_pence=20_000,
    )
    you = signed_in_client(w.you.membership)
    assert "Do you agree your plan?" in read(you.get(f"/budgets/{w.budget.pk}/plan/agree/"))
    agreed = you.post(f"/budgets/{w.budget.pk}/plan/agree/", {})
    assert agreed.status_code == 302, read(agreed)[read(agreed).find("<main") :][:1500]
    approver = signed_in_client(w.approver.membership)
    waiting = read(approver.get("/budgets/waiting/"))
    assert w.person.full_name in waiting
    approver.post(f"/budgets/{w.budget.pk}/plan/approve/", {})
    page = read(_page(you, w.budget))
    assert "Agreed and approved on" in page and "Agreed by Sam on" in page


def test_a_representative_says_how_the_person_showed_they_agree(area, signed_in_client):
    w = a_budget(area, approved=False)
    services.outcome_add(
        actor=w.you,
        budget=w.budget,
        wellbeing_area="home",
        in_my_words="Stay in my flat",
        support="Cleaner",
        cost_pence=10_000,
    )
    rep = actor(Role.REPRESENTATIVE, area)
    AccessGrantFactory(person=w.person, grantee=rep.user, scope=GrantScope.ACT_FOR)
    client = signed_in_client(rep.membership)
    url = f"/budgets/{w.budget.pk}/plan/agree/"
    refused = read(client.post(url, {"how_shown": ""}))
    assert "Say how Sam showed you they agree." in refused
    client.post(url, {"how_shown": "Sam pointed to the thumbs up on the easy read plan"})
    w.budget.plan.refresh_from_db()
    assert w.budget.plan.agreed_as == "representative"
    assert "thumbs up" in w.budget.plan.how_shown


def test_whoever_agreed_the_plan_cannot_approve_it_even_past_the_service(area):
    from django.db import IntegrityError, transaction

    from kinfolk.budgets.models import SupportPlan

    w = a_budget(area, approved=False)
    services.outcome_add(
        actor=w.you,
        budget=w.budget,
        wellbeing_area="home",
        in_my_words="Stay home",
        support="Cleaner",
        cost_pence=10_000,
    )
    services.plan_agree(actor=w.you, budget=w.budget)
    with pytest.raises(IntegrityError), transaction.atomic():
        SupportPlan.objects.filter(pk=w.budget.plan.pk).update(
            approved_by=w.you.user, approved_at=timezone.now()
        )


def test_an_approver_who_agreed_for_someone_cannot_approve_it(area):
    from django.core.exceptions import ValidationError

    w = a_budget(area, approved=False)
    services.outcome_add(
        actor=w.you,
        budget=w.budget,
        wellbeing_area="home",
        in_my_words="Stay home",
        support="Cleaner",
        cost_pence=10_000,
    )
    # The same user holds a representative grant and the approver role.
    rep = actor(Role.REPRESENTATIVE, area, user=w.approver.user)
    AccessGrantFactory(person=w.person, grantee=rep.user, scope=GrantScope.ACT_FOR)
    services.plan_agree(actor=rep, budget=w.budget, how_shown="Sam said yes")
    with pytest.raises(ValidationError, match="someone else must approve"):
        services.plan_approve(actor=w.approver, budget=w.budget)


def test_the_csv_export_is_audited(area, signed_in_client):
    w = a_budget(area, money_in=10_000)
    _paid(w)
    response = signed_in_client(w.you.membership).get(f"/budgets/{w.budget.pk}/statement.csv")
    lines = read(response).splitlines()
    assert lines[0].startswith("date,what,from,to")
    assert lines[-1].endswith("-60.00,40.00")
    assert AuditLog.objects.filter(action=AuditAction.EXPORT, person_id=w.person.pk).exists()
