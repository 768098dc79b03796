"""Personal budgets, their support plans, and the ledger that moves their money (ADR 0032).

Money is whole pence everywhere. The ledger is double entry: each `Movement` moves an amount from
one account to another, and the database writes its two entries (minus from the one, plus to the
other), so every movement sums to zero. Movements and entries are never changed or deleted, only
reversed by another movement; balances are sums of entries, never a stored counter.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from kinfolk.core.scoping import AreaOwned
from kinfolk.wellbeing.models import CareActArea


class BudgetKind(models.TextChoices):
    """The three ways a personal budget is held (NHS England's personal health budgets)."""

    DIRECT_PAYMENT = "direct_payment", "Direct payment"
    THIRD_PARTY = "third_party", "Managed by a third party"
    NOTIONAL = "notional", "Notional budget"


class HeldBy(models.TextChoices):
    PERSON = "person", "The person"
    REPRESENTATIVE = "representative", "Their representative"
    ORGANISATION = "organisation", "An organisation, for them"
    COUNCIL = "council", "The council or NHS, for them"


class Budget(AreaOwned):
    """A person's budget for a period: how it is held, how much, who holds and manages it."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="budgets")
    kind = models.CharField(max_length=20, choices=BudgetKind.choices)
    amount_pence = models.PositiveBigIntegerField()
    starts_on = models.DateField()
    ends_on = models.DateField()
    held_by = models.CharField(max_length=20, choices=HeldBy.choices)
    holder_name = models.CharField(max_length=150, help_text="Who holds the money, by name")
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="budgets_managed",
        help_text="Who records what is paid from it",
    )
    reviewed_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on"]
        indexes = [models.Index(fields=["area", "person"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount_pence__gt=0), name="budget_has_money"),
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")), name="budget_ends_after_it_starts"
            ),
        ]

    @property
    def review_due_on(self) -> date:
        """A year after the last review (or the start): reviewed at least yearly."""
        last = self.reviewed_on or self.starts_on
        try:
            return last.replace(year=last.year + 1)
        except ValueError:  # 29 February
            return last.replace(year=last.year + 1, day=28)


class AgreedAs(models.TextChoices):
    PERSON = "person", "The person"
    REPRESENTATIVE = "representative", "Their representative, with them"


class SupportPlan(AreaOwned):
    """The care and support plan, in the person's words: agreed by them (or their representative,
    saying how the person showed it), then approved by someone else, a budget approver."""

    budget = models.OneToOneField(Budget, on_delete=models.PROTECT, related_name="plan")
    in_my_words = models.TextField("What I want my life to look like", blank=True)
    agreed_at = models.DateTimeField(null=True, blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agreed_as = models.CharField(max_length=20, choices=AgreedAs.choices, blank=True)
    how_shown = models.TextField(
        blank=True, help_text="How the person showed they agree, when a representative said so"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            # Two different people: whoever agreed the plan never approves it.
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | (Q(agreed_by__isnull=False) & ~Q(approved_by=F("agreed_by"))),
                name="plan_approved_by_someone_else",
            ),
            models.CheckConstraint(
                condition=Q(approved_at__isnull=True) | Q(agreed_at__isnull=False),
                name="plan_agreed_before_approved",
            ),
            models.CheckConstraint(
                condition=Q(agreed_at__isnull=True) | Q(agreed_by__isnull=False),
                name="plan_agreed_by_someone",
            ),
            models.CheckConstraint(
                condition=~Q(agreed_as=AgreedAs.REPRESENTATIVE) | ~Q(how_shown=""),
                name="plan_representative_says_how_shown",
            ),
        ]

    @property
    def agreed(self) -> bool:
        return self.agreed_at is not None

    @property
    def approved(self) -> bool:
        return self.approved_at is not None


class Outcome(AreaOwned):
    """Something the person wants from life, the support that will meet it, and its cost."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="outcomes")
    wellbeing_area = models.CharField(max_length=20, choices=CareActArea.choices)
    in_my_words = models.TextField()
    support = models.TextField()
    cost_pence = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["pk"]


class AccountKind(models.TextChoices):
    """Where money can be: a person's budget, the council (or NHS body) that funds budgets, a
    provider paid from them; pools (budgets put together by a group) are for later."""

    BUDGET = "budget", "A person's budget"
    COUNCIL = "council", "The council"
    PROVIDER = "provider", "A provider"
    POOL = "pool", "A pooled budget"


class Account(AreaOwned):
    """A place money is held or paid to. Its balance is the sum of its entries."""

    kind = models.CharField(max_length=20, choices=AccountKind.choices)
    name = models.CharField(max_length=150)
    budget = models.OneToOneField(
        Budget, null=True, blank=True, on_delete=models.PROTECT, related_name="account"
    )
    organization = models.ForeignKey(
        "directory.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=AccountKind.BUDGET, budget__isnull=False)
                | (~Q(kind=AccountKind.BUDGET) & Q(budget__isnull=True)),
                name="budget_account_belongs_to_a_budget",
            ),
            models.UniqueConstraint(
                fields=["area", "kind", "name"],
                condition=~Q(kind=AccountKind.BUDGET),
                name="one_account_per_name",
            ),
        ]


class MovementKind(models.TextChoices):
    MONEY_IN = "money_in", "Money in from the council"
    PAYMENT = "payment", "Payment"
    REVERSAL = "reversal", "Reversal"
    RECOVERY = "recovery", "Unspent money returned"


class Movement(AreaOwned):
    """Money moved from one account to another. The database writes its two entries; neither
    this row nor they are ever changed or deleted (a mistake is put right by a reversal)."""

    budget = models.ForeignKey(Budget, on_delete=models.PROTECT, related_name="movements")
    kind = models.CharField(max_length=20, choices=MovementKind.choices)
    from_account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="+")
    to_account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="+")
    amount_pence = models.BigIntegerField()
    description = models.CharField(max_length=200, blank=True)
    happened_on = models.DateField()
    reverses = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversed_by"
    )
    reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["happened_on", "pk"]
        indexes = [models.Index(fields=["budget", "happened_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount_pence__gt=0), name="movement_moves_money"),
            models.CheckConstraint(
                condition=~Q(from_account=F("to_account")), name="movement_between_two_accounts"
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind=MovementKind.REVERSAL) & Q(reverses__isnull=False) & ~Q(reason="")
                )
                | (~Q(kind=MovementKind.REVERSAL) & Q(reverses__isnull=True)),
                name="reversal_names_what_it_reverses_and_why",
            ),
        ]


class Entry(AreaOwned):
    """One leg of a movement: plus or minus pence on one account. Written by the database."""

    movement = models.ForeignKey(Movement, on_delete=models.PROTECT, related_name="entries")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="entries")
    amount_pence = models.BigIntegerField()

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["account", "movement"])]
        constraints = [
            models.CheckConstraint(condition=~Q(amount_pence=0), name="entry_moves_money")
        ]
