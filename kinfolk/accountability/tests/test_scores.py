"""People score the services they used against Making it Real I statements, in easy read; the
scores are published per service for a financial year with small numbers suppressed, never who
said what; their words reach commissioners without names, and only for services 5 or more
people scored."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kinfolk.accountability.scores import selectors, services
from kinfolk.accountability.scores.models import IStatement, ServiceScore
from kinfolk.accounts.models import Role
from kinfolk.core.periods import year_of
from kinfolk.core.tests.pages import words_on
from kinfolk.people.tests.factories import PersonFactory
from kinfolk.wellbeing.models import Episode

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
LAST_YEAR = year_of(TODAY - timedelta(days=366), TODAY)
DAY_CENTRE = "Riverside Day Centre"
ALL_YES = dict.fromkeys(IStatement.values, 4)


def _user_of_a_service(area, make_member, actor_for, name="Sam"):
    member = make_member(Role.PERSON, area)
    person = PersonFactory(area=area, user=member.user, given_name=name)
    Episode.objects.create(area=area, person=person, kind="service", service=DAY_CENTRE,
                           started_on=TODAY - timedelta(days=400))  # fmt: skip
    return person, actor_for(member), member


def test_a_person_scores_a_service_they_used_in_easy_read(
    area, make_member, actor_for, signed_in_client
):
    person, _, member = _user_of_a_service(area, make_member, actor_for)
    client = signed_in_client(member)
    assert "Score Riverside Day Centre" in words_on(
        client.get("/accountability/scores/").content.decode()
    )
    url = f"/accountability/scores/{Episode.objects.get(person=person).pk}/"
    page = words_on(client.get(url).content.decode())
    assert "How is Riverside Day Centre for you?" in page and "Nobody sees who said what." in page
    assert "I have people in my life who care about me" in page and "Mostly" in page
    refused = client.post(url, {"people": 3})
    assert "There is a problem" in words_on(refused.content.decode())
    assert not ServiceScore.objects.exists()
    client.post(url, {**ALL_YES, "in_their_words": "The staff know me."})
    score = ServiceScore.objects.get()
    assert score.answers == ALL_YES and score.year == year_of(TODAY, TODAY).code


def test_only_a_service_they_used_and_only_the_person_themselves(area, make_member, actor_for):
    person, me, _ = _user_of_a_service(area, make_member, actor_for)
    with pytest.raises(ValidationError, match="only score a service you have used"):
        services.score_give(actor=me, person=person, service="Somewhere else", answers=ALL_YES)
    worker = actor_for(make_member(Role.SCHEME_WORKER, area))
    with pytest.raises(PermissionDenied):
        services.score_give(actor=worker, person=person, service=DAY_CENTRE, answers=ALL_YES)
    services.score_give(actor=me, person=person, service=DAY_CENTRE, answers=ALL_YES)
    services.score_give(actor=me, person=person, service=DAY_CENTRE,
                        answers={**ALL_YES, "safe": 1})  # fmt: skip
    assert ServiceScore.objects.get().answers["safe"] == 1  # a new score replaces this year's


def _scored_last_year(area, make_member, actor_for, n, safe_yes):
    for i in range(n):
        person, me, _ = _user_of_a_service(area, make_member, actor_for, name=f"P{i}")
        score = services.score_give(actor=me, person=person, service=DAY_CENTRE,
                                    answers={**ALL_YES, "safe": 4 if i < safe_yes else 1},
                                    in_their_words=f"Words {i}")  # fmt: skip
        ServiceScore.objects.filter(pk=score.pk).update(
            year=LAST_YEAR.code, scored_on=LAST_YEAR.starts_on + timedelta(days=30)
        )


def test_anyone_reads_the_scores_with_small_numbers_suppressed(
    area, make_member, actor_for, client
):
    _scored_last_year(area, make_member, actor_for, n=8, safe_yes=6)
    page = client.get(
        f"/accountability/{area.slug}/scores/", {"period": LAST_YEAR.code}
    ).content.decode()

    def shown(label):
        return page.split(f"{label}</dt>")[1].split("</dd>")[0].rsplit(">", 1)[1]

    assert shown("People who scored it") == "8"
    assert shown("I have people in my life who care about me: yes or mostly") == "8"
    # 6 said yes to feeling safe, so 2 did not: the 2 could be worked out, so both are hidden
    assert shown("I feel safe, and I am helped to manage any risks: yes or mostly") == "Suppressed"
    assert "P1" not in words_on(page)
    data = client.get(f"/accountability/{area.slug}/scores/",
                      {"period": LAST_YEAR.code, "format": "json"})  # fmt: skip
    assert data["Access-Control-Allow-Origin"] == "*"
    rows = {r["figure"]: r["value"] for r in data.json()["scores"]}
    assert rows["People who scored it"] == 8 and not [v for v in rows.values() if v and v < 5]


def test_commissioners_read_the_words_without_names_only_from_5_people(
    area, make_member, actor_for, signed_in_client
):
    _scored_last_year(area, make_member, actor_for, n=4, safe_yes=4)
    assert selectors.words_by_service(area=area, year=LAST_YEAR) == {}
    _scored_last_year(area, make_member, actor_for, n=1, safe_yes=1)
    found = selectors.words_by_service(area=area, year=LAST_YEAR)
    assert sorted(found[DAY_CENTRE]) == [f"Words {i}" for i in (0, 0, 1, 2, 3)]
    page = signed_in_client(make_member(Role.COMMISSIONER, area)).get(
        "/accountability/scores/words/", {"period": LAST_YEAR.code}
    )
    assert "Words 3" in page.content.decode() and "P3" not in page.content.decode()
    assert (
        signed_in_client(make_member(Role.SCHEME_WORKER, area))
        .get("/accountability/scores/words/")
        .status_code
        == 403
    )


def test_a_score_after_the_last_quarter_shown_is_not_shown_nor_its_service(
    area, make_member, actor_for
):
    person, me, _ = _user_of_a_service(area, make_member, actor_for)
    services.score_give(actor=me, person=person, service=DAY_CENTRE, answers=ALL_YES)
    this_year = year_of(TODAY, TODAY)
    if this_year.cuts:  # scored today: after the end of the last complete quarter
        assert selectors.published(area=area, year=this_year) == []
