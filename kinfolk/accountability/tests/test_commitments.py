"""Commitments: a tree whose progress rolls up from its parts; published ones are read by anyone
without signing in; only the area's commissioners write them; a spreadsheet import is all or
nothing and names the line of each problem."""

import json
from datetime import date, timedelta

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from kinfolk.accountability import selectors, services
from kinfolk.accountability.models import Commitment
from kinfolk.accounts.models import Role
from kinfolk.core.tests.pages import words_on

pytestmark = pytest.mark.django_db

LATER = date.today() + timedelta(days=200)


@pytest.fixture
def commissioner(area, make_member, actor_for):
    return actor_for(make_member(Role.COMMISSIONER, area))


def _add(actor, ref, parent=None, **extra):
    fields = {"title": f"Promise {ref}", "by_when": LATER, "outcome": "relationships", **extra}
    return services.commitment_add(actor=actor, reference=ref, parent=parent, **fields)


def _step(actor, commitment, status, progress, when=None):
    return services.progress_record(
        actor=actor, commitment=commitment, happened_on=when or timezone.localdate(),
        words="Something happened.", status=status, progress=progress,
    )  # fmt: skip


def test_progress_rolls_up_from_the_parts_by_weight_leaving_out_dropped_ones(commissioner):
    whole = _add(commissioner, "C1")
    big = _add(commissioner, "C1.1", whole, weight=3)
    small = _add(commissioner, "C1.2", whole, weight=1)
    dropped = _add(commissioner, "C1.3", whole, weight=5)
    _step(commissioner, big, "on_track", 40)
    _step(commissioner, small, "done", 100)
    _step(commissioner, dropped, "dropped", 0)
    [root] = selectors.whole_tree(actor=commissioner)
    assert root.progress == round((40 * 3 + 100 * 1) / 4)  # 55
    assert [child.progress for child in root.children] == [40, 100, 0]


def test_anyone_reads_published_commitments_without_signing_in_and_never_drafts(
    commissioner, area, client
):
    public = _add(commissioner, "C1", description="For everyone in the valley")
    _add(commissioner, "C2", title="A secret draft")
    services.commitment_publish(actor=commissioner, commitment=public)
    page = client.get(reverse("accountability:public", args=[area.slug]))
    text = words_on(page.content.decode())
    assert page.status_code == 200
    assert "C1 Promise C1" in text and "A secret draft" not in text
    detail = client.get(reverse("accountability:public_commitment", args=[area.slug, public.pk]))
    assert "For everyone in the valley" in detail.content.decode()
    draft = Commitment.objects.get(reference="C2")
    hidden = client.get(reverse("accountability:public_commitment", args=[area.slug, draft.pk]))
    assert hidden.status_code == 404


def test_a_late_commitment_says_so_in_red(commissioner, area, client):
    late = _add(commissioner, "C1", by_when=date.today() - timedelta(days=3))
    _step(commissioner, late, "at_risk", 70, when=date.today() - timedelta(days=5))
    services.commitment_publish(actor=commissioner, commitment=late)
    html = client.get(reverse("accountability:public", args=[area.slug])).content.decode()
    assert '<strong class="nhsuk-tag nhsuk-tag--red">Late</strong>' in html
    assert "1 late" in words_on(html)


def test_one_areas_page_never_shows_another_areas_commitments(
    commissioner, other_area, make_member, actor_for, client
):
    theirs = actor_for(make_member(Role.COMMISSIONER, other_area))
    elsewhere = _add(theirs, "C9", title="Their promise")
    services.commitment_publish(actor=theirs, commitment=elsewhere)
    mine = services.commitment_publish(actor=commissioner, commitment=_add(commissioner, "C1"))
    page = client.get(reverse("accountability:public", args=[commissioner.area.slug]))
    assert "Their promise" not in page.content.decode()
    wrong = reverse("accountability:public_commitment", args=[commissioner.area.slug, elsewhere.pk])
    assert client.get(wrong).status_code == 404
    assert mine.published_at is not None


@pytest.mark.parametrize("role", [Role.SCHEME_WORKER, Role.EXPERT_BY_EXPERIENCE, Role.PERSON])
def test_only_commissioners_write_commitments(role, area, make_member, signed_in_client):
    client = signed_in_client(make_member(role, area))
    for name in ("manage", "add", "import"):
        assert client.get(reverse(f"accountability:{name}")).status_code == 403


def test_a_commissioner_cannot_touch_another_areas_commitment(
    commissioner, other_area, make_member, actor_for, signed_in_client
):
    theirs = _add(actor_for(make_member(Role.COMMISSIONER, other_area)), "C9")
    client = signed_in_client(commissioner.membership)
    assert client.get(reverse("accountability:progress", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("accountability:publish", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.published_at is None


def test_a_step_in_the_future_or_100_without_done_is_refused_and_changes_nothing(
    commissioner, signed_in_client
):
    c = _add(commissioner, "C1")
    client = signed_in_client(commissioner.membership)
    url = reverse("accountability:progress", args=[c.pk])
    tomorrow = date.today() + timedelta(days=1)
    form = {"happened_on_day": tomorrow.day, "happened_on_month": tomorrow.month,
            "happened_on_year": tomorrow.year, "words": "Done it", "status": "on_track",
            "progress": "50"}  # fmt: skip
    page = words_on(client.post(url, form).content.decode())
    assert "the date cannot be later than today" in page
    today = date.today()
    form.update(happened_on_day=today.day, happened_on_month=today.month,
                happened_on_year=today.year, progress="100")  # fmt: skip
    page = words_on(client.post(url, form).content.decode())
    assert "At 100% a commitment is done: choose 'Done'." in page
    c.refresh_from_db()
    assert (c.status, c.progress, c.updates.count()) == ("not_started", 0, 0)


def test_the_database_refuses_done_without_100_percent(commissioner):
    c = _add(commissioner, "C1")
    with pytest.raises(IntegrityError):
        Commitment.objects.filter(pk=c.pk).update(status="done", progress=40)


CSV_GOOD = """reference,parent_reference,title,by_when,budget,outcome,status,progress,weight
C1.1,C1,Twenty-five new households,31/03/2027,"£80,000",relationships,on_track,60,3
C1,,Introductions in 12 weeks,2027-03-31,120000.50,"Family, friends and relationships",on_track,0,1
"""


def test_a_spreadsheet_makes_the_tree_with_parents_after_their_parts(commissioner):
    assert services.commitments_import(actor=commissioner, text=CSV_GOOD) == 2
    whole = Commitment.objects.get(reference="C1")
    part = Commitment.objects.get(reference="C1.1")
    assert part.parent == whole and part.budget_pence == 8_000_000 and part.weight == 3
    assert whole.budget_pence == 12_000_050 and whole.published_at is None
    changed = CSV_GOOD.replace("Twenty-five new households", "Thirty new households")
    services.commitments_import(actor=commissioner, text=changed)
    assert Commitment.objects.get(reference="C1.1").title == "Thirty new households"
    assert Commitment.objects.count() == 2


def test_a_bad_spreadsheet_names_each_line_and_imports_nothing(commissioner, signed_in_client):
    bad = (
        "reference,parent_reference,title,by_when,outcome\n"
        "C1,,Fine,31/03/2027,relationships\n"
        "C2,,Bad date,31st March,relationships\n"
        "C3,C7,No such parent,31/03/2027,relationships\n"
        "C4,,Bad area,31/03/2027,happiness\n"
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = signed_in_client(commissioner.membership)
    page = client.post(
        reverse("accountability:import"),
        {"file": SimpleUploadedFile("c.csv", bad.encode(), content_type="text/csv")},
    )
    text = words_on(page.content.decode())
    assert "Line 3: the date '31st March' is not a date" in text
    assert "Line 5: 'happiness' is not a wellbeing area Kinfolk knows." in text
    assert not Commitment.objects.exists()
    unknown_parent = "reference,parent_reference,title,by_when,outcome\nC3,C7,X,31/03/2027,home\n"
    with pytest.raises(Exception, match="no commitment C7 to be part of"):
        services.commitments_import(actor=commissioner, text=unknown_parent)
    assert not Commitment.objects.exists()


def test_a_commitment_cannot_become_part_of_itself(commissioner):
    loop = (
        "reference,parent_reference,title,by_when,outcome\n"
        "A,B,A,31/03/2027,home\nB,A,B,31/03/2027,home\n"
    )
    with pytest.raises(Exception, match="cannot be part of itself"):
        services.commitments_import(actor=commissioner, text=loop)
    assert not Commitment.objects.exists()


def test_open_data_holds_the_published_commitments_only_for_anyone(commissioner, area, client):
    services.commitment_publish(actor=commissioner, commitment=_add(commissioner, "C1"))
    _add(commissioner, "C2")
    answer = client.get(reverse("accountability:open_data", args=[area.slug, "json"]))
    assert answer["Access-Control-Allow-Origin"] == "*"
    data = json.loads(answer.content)
    assert [c["reference"] for c in data["commitments"]] == ["C1"]
    csv_text = client.get(reverse("accountability:open_data", args=[area.slug, "csv"]))
    assert "C1" in csv_text.content.decode() and "C2" not in csv_text.content.decode()
    assert (
        client.get(reverse("accountability:open_data", args=[area.slug, "xml"])).status_code == 404
    )


def test_the_front_page_leads_anyone_to_each_areas_commitments(area, client):
    page = words_on(client.get("/").content.decode())
    assert f"What {area.name} has committed to" in page


def test_a_commitment_made_of_parts_says_where_its_parts_have_got_to(commissioner):
    from kinfolk.accountability import presenters

    whole = _add(commissioner, "C1")
    _step(commissioner, _add(commissioner, "C1.1", whole), "on_track", 40)
    [row, _] = presenters.rows(selectors.whole_tree(actor=commissioner), date.today())
    assert (row.progress, row.status_words) == (40, "On track")
