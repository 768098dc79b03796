"""The arrangement page presents what it is given, without the database."""

from datetime import date, datetime
from types import SimpleNamespace

from kinfolk.sharedlives.arrangements.presenters import ArrangementPresenter, payments_csv_rows
from kinfolk.sharedlives.models import Side
from kinfolk.sharedlives.policy import PaymentLine
from kinfolk.sharedlives.rules import SCHEME

TODAY = date(2026, 3, 1)


def arrangement(**changes):
    fields = dict(
        pk=4,
        person=SimpleNamespace(called="Sam", given_name="Sam", family_name="Okafor"),
        carer=SimpleNamespace(name="The Hughes household"),
        arrangement_type="long_term",
        band=1,
        status="active",
        starts_on=date(2026, 1, 5),
        person_agreed_at=datetime(2026, 1, 2),
        carer_agreed_at=datetime(2026, 1, 3),
        agreement_signed_by_person_on=date(2026, 1, 4),
        agreement_signed_by_carer_on=date(2026, 1, 4),
        licence_signed_by_person_on=date(2026, 1, 4),
        licence_signed_by_carer_on=None,
    )
    return SimpleNamespace(**{**fields, **changes})


def test_rows_name_the_kind_the_signatures_and_the_payment():
    rows = {r["key"]["text"]: r["value"]["text"] for r in ArrangementPresenter(arrangement()).rows}
    assert rows["Started"] == "5 January 2026"
    assert rows["Licence Agreement signed"] == "by Sam on 4 January 2026, by the carer on Not yet"
    assert rows["Payment"] == "Band 1: £450.00 a week"


def test_reviews_are_done_overdue_or_due_and_the_next_is_the_first_not_done():
    done = SimpleNamespace(done_on=date(2026, 2, 1), due_on=date(2026, 2, 2))
    overdue = SimpleNamespace(done_on=None, due_on=date(2026, 2, 20))
    due = SimpleNamespace(done_on=None, due_on=date(2026, 3, 5))
    page = ArrangementPresenter(arrangement(), review_list=[done, overdue, due], today=TODAY)
    assert [r["state"] for r in page.reviews] == ["done", "overdue", "due"]
    assert page.next_review is overdue


def test_who_the_reader_is_comes_from_their_side():
    assert ArrangementPresenter(arrangement(), side=SCHEME).is_worker
    assert ArrangementPresenter(arrangement(), side=Side.CARER).is_a_side
    onlooker = ArrangementPresenter(arrangement(), side=None)
    assert not (onlooker.is_worker or onlooker.is_a_side)


def test_the_payments_export_names_the_person_by_initials_only():
    line = PaymentLine(arrangement(), 45_000, "week", 4, 180_000)
    assert list(payments_csv_rows([line])) == [
        [4, "The Hughes household", "SO", "long_term", 1, 45_000, "week", 4, 180_000, "1800.00"]
    ]
