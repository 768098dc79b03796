"""SWEMWBS licensed wording belongs to the area (licensee) that loaded it: other areas never
see it, and cannot use the measure until they load their own."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from kinfolk.accounts.models import Role
from kinfolk.people.tests.factories import AssignmentFactory, PersonFactory
from kinfolk.wellbeing import selectors, services
from kinfolk.wellbeing.models import LicensedWording

ANSWERS = {f"item_{n}": 3 for n in range(1, 8)}


def _wording_file(tmp_path, words="Calder wording"):
    path = tmp_path / "swemwbs.json"
    path.write_text("{" + ", ".join(f'"item_{n}": "{words} {n}"' for n in range(1, 8)) + "}")
    return path


def _load(path, area, licensee="Calder Vale Council"):
    call_command("load_swemwbs", str(path), licensee=licensee, area=area.slug, stdout=io.StringIO())


@pytest.fixture
def workers(area, other_area, make_member, actor_for):
    mine = actor_for(make_member(Role.LINK_WORKER, area))
    theirs = actor_for(make_member(Role.LINK_WORKER, other_area))
    my_person = PersonFactory(area=area)
    their_person = PersonFactory(area=other_area)
    AssignmentFactory(person=my_person, worker=mine.user)
    AssignmentFactory(person=their_person, worker=theirs.user)
    return (mine, my_person), (theirs, their_person)


def test_the_command_needs_an_area_that_exists(area, tmp_path):
    with pytest.raises(CommandError):
        call_command("load_swemwbs", str(_wording_file(tmp_path)), licensee="Calder Vale Council")
    with pytest.raises(CommandError, match="No area"):
        call_command("load_swemwbs", str(_wording_file(tmp_path)), licensee="X", area="nowhere")
    assert not LicensedWording.objects.exists()


def test_wording_loaded_for_one_area_is_not_seen_by_another(area, other_area, workers, tmp_path):
    (mine, my_person), (theirs, their_person) = workers
    _load(_wording_file(tmp_path), area)
    assert selectors.licensed_wording("swemwbs", area=area)["item_1"] == "Calder wording 1"
    assert selectors.licensed_wording("swemwbs", area=other_area) is None
    assert services.response_record(actor=mine, person=my_person, measure="swemwbs",
                                    answers=ANSWERS).score["raw"] == 21  # fmt: skip
    with pytest.raises(ValidationError, match="licensed"):
        services.response_record(
            actor=theirs, person=their_person, measure="swemwbs", answers=ANSWERS
        )


def test_the_other_areas_page_does_not_show_the_wording(
    area, other_area, workers, tmp_path, signed_in_client
):
    (mine, my_person), (theirs, their_person) = workers
    _load(_wording_file(tmp_path), area)
    theirs_page = signed_in_client(theirs.membership).get(
        f"/wellbeing/people/{their_person.pk}/measures/swemwbs/"
    )
    assert theirs_page.status_code == 200 and b"Calder wording" not in theirs_page.content
    mine_page = signed_in_client(mine.membership).get(
        f"/wellbeing/people/{my_person.pk}/measures/swemwbs/"
    )
    assert mine_page.status_code == 200 and b"Calder wording 1" in mine_page.content


@pytest.mark.parametrize(
    "bad", ["Item\u0000 one", "\u200b\u00a0 ", "", 3], ids=["nul", "invisible", "empty", "number"]
)
def test_bad_wording_is_refused_and_nothing_is_loaded(area, tmp_path, bad):
    import json

    path = tmp_path / "swemwbs.json"
    path.write_text(json.dumps({f"item_{n}": bad if n == 3 else f"Item {n}" for n in range(1, 8)}))
    with pytest.raises(CommandError):
        _load(path, area)
    assert not LicensedWording.objects.exists()


def test_each_area_keeps_its_own_licence(area, other_area, tmp_path):
    _load(_wording_file(tmp_path, "Calder wording"), area)
    _load(_wording_file(tmp_path, "Other wording"), other_area, licensee="Other Vale Council")
    _load(_wording_file(tmp_path, "Calder reworded"), area)
    assert selectors.licensed_wording("swemwbs", area=area)["item_1"] == "Calder reworded 1"
    assert selectors.licensed_wording("swemwbs", area=other_area)["item_1"] == "Other wording 1"
    assert LicensedWording.objects.count() == 2
