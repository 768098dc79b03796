"""The words budgets use, in one place."""

from kinfolk.wellbeing.models import CareActArea

from .models import BudgetKind

CARE_ACT_AREAS = dict(CareActArea.choices)

WHAT_KIND_MEANS = {
    BudgetKind.DIRECT_PAYMENT: "The money is paid to you (or someone for you), and you buy "
    "your support. Money not spent by the end goes back to the council.",
    BudgetKind.THIRD_PARTY: "An organisation holds the money for you and pays for the support "
    "you chose.",
    BudgetKind.NOTIONAL: "The council or NHS holds the money and arranges the support you "
    "chose with you.",
}
