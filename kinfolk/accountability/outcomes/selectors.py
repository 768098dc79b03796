"""Reading outcome contracts and the claims people are asked about."""

import kinfolk.accountability.rules  # noqa: F401  (names the permissions asked here)
from kinfolk.core.records import record_for
from kinfolk.social_prescribing.models import OrganizationMember
from kinfolk.wellbeing.connection import before_and_after
from kinfolk.wellbeing.models import Episode, MeasureResponse

from .models import ClaimStatus, OutcomeClaim, OutcomesContract
from .services import taken_on


def contract_get(*, actor, contract_id) -> OutcomesContract:
    """One contract, for its commissioners and its provider's members (404 in another area)."""
    return record_for(
        actor,
        OutcomesContract.objects.select_related("organization"),
        contract_id,
        permission="accountability.see_outcome_contract",
    )


def contracts_for(*, actor) -> list[OutcomesContract]:
    """The area's contracts for a commissioner; a provider's own for its members."""
    found = OutcomesContract.objects.in_area(actor.area).select_related("organization")
    if not actor.acts_as("commissioner"):
        mine = OrganizationMember.objects.filter(user=actor.user).values("organization_id")
        found = found.filter(organization_id__in=mine)
    return list(found)


def claim_get(*, actor, claim_id) -> OutcomeClaim:
    """One question about an outcome, for the person or someone acting for them; audited."""
    return record_for(
        actor,
        OutcomeClaim.objects.select_related("contract__organization", "line", "person"),
        claim_id,
        permission="accountability.answer_outcome",
        refusal="Only the person, or someone they chose to act for them, answers this.",
    )


def claims_to_answer(*, people) -> list[OutcomeClaim]:
    """The questions these people have not answered yet, oldest first."""
    return list(
        OutcomeClaim.objects.filter(person__in=people, status=ClaimStatus.ASKED)
        .select_related("contract__organization", "line", "person")
        .order_by("shown_on")
    )


def baseline_loneliness(episodes) -> list[int]:
    """Each person's UCLA-3 at the start of their spell (one per person: their first spell)."""
    first = {}
    for e in sorted(episodes, key=lambda e: e.started_on):
        first.setdefault(e.person_id, e)
    answers: dict = {}
    for r in (
        MeasureResponse.objects.filter(person_id__in=first, measure="loneliness")
        .only("person_id", "score", "completed_at")
        .order_by("completed_at")
    ):
        answers.setdefault(r.person_id, []).append(r)
    values = []
    for person_id, e in first.items():
        base, _ = before_and_after(
            answers.get(person_id, []), e.started_on, e.started_on, lambda r: r.completed_at.date()
        )
        if base is not None:
            values.append(base.score["ucla3"])
    return values


def taken_on_and_everyone(contract):
    """Baseline loneliness of the people the contract's service took on, and of everyone who
    started any support in the area in the same months (to see whether it chose the easy)."""
    everyone = Episode.objects.in_area(contract.area).filter(
        started_on__gte=contract.starts_on, started_on__lte=contract.ends_on
    )
    return baseline_loneliness(list(taken_on(contract))), baseline_loneliness(list(everyone))
