"""Outcome payments: a commissioner pays a provider a price for each outcome a person reaches,
shown by what Kinfolk already measures and confirmed by the person in their own words
(ADR 0043). Money is whole pence; caps per person and per contract."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from kinfolk.core.scoping import AreaOwned


class OutcomeKind(models.TextChoices):
    """What a rate card can pay for, each read from a measure Kinfolk keeps."""

    LESS_LONELY = "less_lonely", "Less lonely: loneliness (UCLA-3) down by 1 or more"
    NEW_UNPAID_RELATIONSHIP = (
        "new_unpaid_relationship",
        "A new unpaid relationship: one more friend, family member or neighbour in their circle",
    )
    MORE_SATISFIED = "more_satisfied", "More satisfied with life (ONS4) by 1 or more"


class OutcomesContract(AreaOwned):
    """A contract that pays a provider per outcome for the people its service takes on."""

    title = models.CharField(max_length=200)
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.PROTECT, related_name="+"
    )
    # The people taken on: spells of support (wellbeing episodes) with this service's name that
    # start within the contract.
    service = models.CharField(max_length=150)
    starts_on = models.DateField()
    ends_on = models.DateField()
    # An outcome counts only when shown at least this long after the person started.
    follow_up_days = models.PositiveSmallIntegerField(default=90)
    cap_per_person_pence = models.PositiveBigIntegerField()
    cap_pence = models.PositiveBigIntegerField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")), name="outcomes_contract_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(cap_per_person_pence__gt=0)
                & Q(cap_pence__gte=F("cap_per_person_pence")),
                name="outcomes_contract_caps",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class RateLine(AreaOwned):
    """One line of the rate card: this outcome is worth this much."""

    contract = models.ForeignKey(OutcomesContract, on_delete=models.CASCADE, related_name="lines")
    outcome = models.CharField(max_length=30, choices=OutcomeKind.choices)
    price_pence = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["outcome"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "outcome"], name="one_price_per_outcome"),
            models.CheckConstraint(condition=Q(price_pence__gt=0), name="a_price_above_nothing"),
        ]


class ClaimStatus(models.TextChoices):
    ASKED = "asked", "Waiting for the person to say"
    CONFIRMED = "confirmed", "The person confirmed it"
    NOT_CONFIRMED = "not_confirmed", "The person said it is not right for them"


class OutcomeClaim(AreaOwned):
    """An outcome the measures show for one person: paid only once they confirm it in their
    words, and never more than once per outcome."""

    contract = models.ForeignKey(OutcomesContract, on_delete=models.PROTECT, related_name="claims")
    line = models.ForeignKey(RateLine, on_delete=models.PROTECT, related_name="claims")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    before = models.IntegerField()
    after = models.IntegerField()
    shown_on = models.DateField()
    status = models.CharField(max_length=15, choices=ClaimStatus.choices, default=ClaimStatus.ASKED)
    in_their_words = models.TextField(blank=True)
    # Someone acting for the person records how the person showed it.
    how_shown = models.TextField(blank=True)
    said_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    said_at = models.DateTimeField(null=True, blank=True)
    paid_month = models.DateField(null=True, blank=True)
    paid_pence = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["shown_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "line", "person"], name="one_claim_per_outcome_and_person"
            ),
            models.CheckConstraint(
                condition=Q(paid_month__isnull=True) | Q(status="confirmed"),
                name="paid_only_once_confirmed",
            ),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | ~Q(in_their_words=""),
                name="confirmed_in_their_words",
            ),
        ]
