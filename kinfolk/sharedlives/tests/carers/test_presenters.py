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
