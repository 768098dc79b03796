"""Reads of budgets, plans and the ledger: area-scoped, checked at the gate, audited."""

from datetime import date

from django.db.models import Q, Sum
from django.http import Http404

import kinfolk.budgets.rules  # noqa: F401  (names the permissions asked here)
from kinfolk.accounts.models import Role
from kinfolk.accounts.selectors import users_acting_as
from kinfolk.core.audit import audit_list_view
from kinfolk.core.lookups import uuid_or_404
from kinfolk.core.models import AuditAction
from kinfolk.core.records import record_for
from kinfolk.people.audit import audit_person
from kinfolk.people.models import GrantScope, Person
from kinfolk.people.selectors import live_grants_for_person

from .models import Account, AccountKind, Budget, Entry, Movement, MovementKind, SupportPlan


def _budgets(area):
    return Budget.objects.in_area(area).select_related("person", "manager", "plan", "account")


def budget_get(*, actor, budget_id, permission: str = "budgets.view_budget", page: str = ""):
    """One budget, if the actor may (`permission`); another area's is a 404; the read is
    audited under the person (naming the page, when given)."""
    budget = record_for(
        actor,
        _budgets(actor.area),
        budget_id,
        permission=permission,
        audit=False,
        refusal="Only the person, the people they chose, their budget's manager, the workers "
        "allocated to them and budget approvers can see this.",
    )
    detail = {"page": page} if page else {}
    audit_person(
        actor=actor, action=AuditAction.VIEW, person=budget.person, about=budget, detail=detail
    )
    return budget


def movement_get(*, actor, movement_id):
    """One movement, if the actor may reverse it (the budget's manager); audited."""
    movement = record_for(
        actor,
        Movement.objects.in_area(actor.area).select_related("budget__person", "to_account"),
        movement_id,
        permission="budgets.reverse_movement",
        checked_on=lambda m: m.budget,
        audit=False,
    )
    audit_person(
        actor=actor,
        action=AuditAction.VIEW,
        person=movement.budget.person,
        about=movement,
        detail={"page": "reverse"},
    )
    return movement


def budgets_of(*, person):
    """The person's budgets, newest first (the caller has already checked and audited)."""
    return list(_budgets(person.area).filter(person=person))


def budget_account(budget) -> Account:
    """The budget's own account in the ledger."""
    return Account.objects.in_area(budget.area_id).get(budget=budget)


def balance_of(account_id: int) -> int:
    """An account's balance in pence: the sum of its entries, never a stored counter."""
    total = Entry.objects.filter(account_id=account_id).aggregate(total=Sum("amount_pence"))
    return total["total"] or 0


def balance(budget) -> int:
    """What is left in the budget, in pence."""
    return balance_of(budget_account(budget).pk)


def money_in_so_far(budget) -> int:
    """Money in from the council, less any of it reversed, in pence."""
    moved = Movement.objects.filter(budget=budget)
    came_in = moved.filter(kind=MovementKind.MONEY_IN).aggregate(t=Sum("amount_pence"))["t"]
    taken_back = moved.filter(
        kind=MovementKind.REVERSAL, reverses__kind=MovementKind.MONEY_IN
    ).aggregate(t=Sum("amount_pence"))["t"]
    return (came_in or 0) - (taken_back or 0)


def movements_of(budget):
    """Every movement of the budget's money, oldest first, with what reversed each."""
    return list(
        Movement.objects.in_area(budget.area_id)
        .filter(budget=budget)
        .select_related("from_account", "to_account", "reverses", "reversed_by")
    )


def entries_of(budget):
    """The budget account's ledger entries, oldest first, with their movements."""
    account = budget_account(budget)
    return (
        Entry.objects.in_area(budget.area_id)
        .filter(account=account)
        .select_related("movement", "movement__from_account", "movement__to_account")
        .order_by("movement__happened_on", "pk")
    )


def statement_lines(budget) -> list[dict]:
    """The budget account's entries summed by month, kind of movement and the other account, in
    one query (a statement of ten thousand entries is read at once: make bench)."""
    from django.db.models.functions import TruncMonth

    return list(
        Entry.objects.filter(account__budget=budget)
        .annotate(month=TruncMonth("movement__happened_on"))
        .values(
            "month",
            "movement__kind",
            "movement__from_account__name",
            "movement__to_account__name",
            "movement__reverses__kind",
        )
        .annotate(pence=Sum("amount_pence"))
        .order_by("month", "movement__kind", "movement__to_account__name")
    )


def plans_waiting(*, actor):
    """Plans agreed by the person and waiting for a budget approver, oldest agreement first."""
    return list(
        SupportPlan.objects.in_area(actor.area)
        .filter(agreed_at__isnull=False, approved_at__isnull=True)
        .select_related("budget__person", "agreed_by")
        .prefetch_related("outcomes")
        .order_by("agreed_at")
    )


def council_account(area) -> Account:
    """The area's council account (made when the first budget is set up)."""
    return Account.objects.in_area(area).get(kind=AccountKind.COUNCIL)


def budgets_managed_by(*, actor):
    """The budgets the actor manages in their area."""
    return list(_budgets(actor.area).filter(manager=actor.user))


def budgets_ended_with_money_left(day: date):
    """Direct payments whose period ended before `day`, with money still in them (every area)."""
    from .models import BudgetKind

    ended = Budget.objects.filter(kind=BudgetKind.DIRECT_PAYMENT, ends_on__lt=day)
    left = ended.annotate(left=Sum("account__entries__amount_pence")).filter(~Q(left=0), left__gt=0)
    return list(left.select_related("person", "area"))


def listed_providers(area) -> list:
    """Organisations listed in the area's directory, to pay instead of typing a name."""
    from kinfolk.directory.selectors import organizations

    return list(organizations().filter(area=area).order_by("name")[:200])


def people_for_a_budget(*, actor, words: str) -> list:
    """People in the approver's area whose names have all these words (none without words),
    at most 20, told apart by birth date and postcode area; the search is audited."""
    if not words.strip():
        return []
    found = Person.objects.in_area(actor.area).filter(erased_at__isnull=True)
    for word in words.split():
        found = found.filter(
            Q(given_name__icontains=word)
            | Q(family_name__icontains=word)
            | Q(preferred_name__icontains=word)
        )
    people = list(found.order_by("family_name", "given_name", "pk")[:20])
    audit_list_view(actor=actor, target_type="budget_person_search", count=len(people))
    return people


def managers_offered(*, person, but=None) -> list[tuple]:
    """Who may keep a budget's ledger for this person, with why: the person (if they sign in),
    someone they chose to act for them or help keep their record, or a support broker in the
    area. Never `but` (the approver setting it up: approving and paying stay apart)."""
    offered: dict = {}
    if person.user_id:
        offered[person.user_id] = (person.user, f"{person.full_name} (themselves)")
    for grant in live_grants_for_person(person=person).filter(
        scope__in=[GrantScope.EDIT, GrantScope.ACT_FOR]
    ):
        offered.setdefault(
            grant.grantee_id,
            (grant.grantee, f"{grant.grantee.display_name} ({grant.get_relationship_display()})"),
        )
    for broker in users_acting_as(area_id=person.area_id, role=Role.BROKER):
        offered.setdefault(broker.pk, (broker, f"{broker.display_name} (support broker)"))
    return [pair for pk, pair in offered.items() if but is None or pk != but.pk]


def person_for_a_budget(*, actor, person_id) -> Person:
    """The person a budget approver sets a budget up for: in their area (404 otherwise), the
    read audited."""
    person = (
        Person.objects.in_area(actor.area)
        .filter(pk=uuid_or_404(person_id), erased_at__isnull=True)
        .first()
    )
    if person is None:
        raise Http404
    audit_person(actor=actor, action=AuditAction.VIEW, person=person, detail={"page": "set_up"})
    return person
