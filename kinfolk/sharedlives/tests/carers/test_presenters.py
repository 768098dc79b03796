"""A carer household's page presents what it is given, without the database."""

from datetime import date
from types import SimpleNamespace

from kinfolk.sharedlives.carers.presenters import CarerPresenter
from kinfolk.sharedlives.carers.selectors import CarerRecord


def household(**changes):
    fields = dict(
        status="approved",
        approved_on=date(2025, 11, 3),
        approved_types=["long_term", "short_breaks"],
        places=2,
        free_places=1,
        get_status_display=lambda: "Applying",
    )
    return SimpleNamespace(**{**fields, **changes})


def test_approval_in_words():
    assert CarerPresenter(household()).approval == (
        "Approved on 3 November 2025 for Living with a household and Short breaks; 2 places, 1 free"
    )
    assert CarerPresenter(household(status="applying")).approval == "Applying"


def test_the_page_is_built_from_the_record_with_the_scheme_workers_flag():
    step = SimpleNamespace(completed_on=date(2025, 9, 1))
    record = CarerRecord(
        carer=household(),
        training=[],
        flags=["First aid training is missing"],
        steps_done={"gp_reference": step},
        panels=[],
        annual_checks=[],
    )
    page = CarerPresenter.of(record, runs_the_scheme=True)
    assert page.runs_the_scheme and page.flags == ["First aid training is missing"]
    steps = {s["label"]: s["check"] for s in page.steps}
    assert step in steps.values() and list(steps.values()).count(None) == len(steps) - 1


def test_a_statement_says_how_each_payment_is_worked_out_in_words():
    from kinfolk.sharedlives.carers.presenters import how_many

    assert how_many(round(31 / 7, 4), "week") == "31 days (4.43 weeks)"
    assert how_many(4, "night") == "4 nights"
    assert how_many(1, "session") == "1 session"


def test_a_suspended_approval_says_so_with_its_terms():
    assert CarerPresenter(household(status="suspended", places=1)).approval == (
        "Approval suspended by panel (approved for Living with a household and Short breaks;"
        " 1 place)"
    )


def test_leaving_says_what_will_happen_in_order():
    from kinfolk.sharedlives.carers.presenters import LeavingPage

    live_in = SimpleNamespace(arrangement_type="long_term")
    day = SimpleNamespace(arrangement_type="day_support")
    page = LeavingPage(carer=None, arrangements=[live_in, day], introductions=[object()], own=True)
    assert page.living_there == [live_in]
    assert page.what_will_happen == [
        "2 arrangements will end, each with the next step recorded here.",
        "1 introduction in progress will close, saying the household stopped being Shared Lives"
        " carers.",
        "The people involved, and their workers, will be told.",
        "The household will show as no longer a carer, and will not be suggested to anyone.",
    ]
    alone = LeavingPage(carer=None, arrangements=[], introductions=[], own=False)
    assert alone.what_will_happen == [
        "The household will show as no longer a carer, and will not be suggested to anyone."
    ]
