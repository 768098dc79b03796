"""The referral page and the easy-read profile present what they are given, without the
database."""

from datetime import date
from types import SimpleNamespace

from kinfolk.sharedlives.policy import ASSESSMENT_FIELDS
from kinfolk.sharedlives.referrals.presenters import ReferralPresenter, yes_no


def referral(**changes):
    fields = dict(
        person=SimpleNamespace(called="Sam", what_matters_to_me="My sister"),
        received_on=date(2026, 2, 1),
        arrangement_types=["long_term"],
        support_needs=["autism"],
        interests=["gardening", "cooking"],
        places_that_matter=[{"name": "Mum's house", "max_minutes": 20, "postcode": "HX1 1AA"}],
        easy_read="I like mornings.\n\n",
        has_own_home=False,
        family_able_to_support=None,
        source="worker",
        persons_choice="",
        referrer_name="",
        languages=["English"],
        get_source_display=lambda: "Scheme worker",
        postcode="HX1 3CD",
        hobbies="",
        wishes="",
        risks="",
        share_with_suitable_carers=True,
    )
    return SimpleNamespace(**{**dict.fromkeys(ASSESSMENT_FIELDS), **fields, **changes})


def test_the_easy_read_profile_speaks_for_the_person_with_a_picture_for_each_line():
    lines = ReferralPresenter(referral(), today=date(2026, 3, 1)).easy_read_lines
    assert [text for _, _, text in lines] == [
        "My name is Sam.",
        "I would like to live with a family.",
        "I like gardening and cooking.",
        "What matters to me: My sister",
        "I want to stay close to Mum's house.",
        "I like mornings.",
    ]
    assert all(picture and alt for picture, alt, _ in lines)


def test_rows_count_the_days_waiting_and_say_what_is_not_recorded():
    page = ReferralPresenter(referral(), today=date(2026, 3, 1))
    rows = {r["key"]["text"]: r["value"]["text"] for r in page.rows}
    assert rows["Received"] == "1 February 2026 (28 days ago)"
    assert rows["Wishes"] == "Not recorded"
    assert rows["People and places that matter"] == "Mum's house (no more than 20 minutes)"
    assert page.home_first_question.startswith("Record whether Sam has their own home")


def test_the_forms_start_from_what_is_recorded():
    page = ReferralPresenter(referral())
    assert page.home_first_initial == {"has_own_home": "no", "family_able_to_support": None}
    initial = page.assessment_initial
    assert initial["interests"] == "gardening, cooking" and initial["place_name"] == "Mum's house"
    assert yes_no(True) == "yes"
