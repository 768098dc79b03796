"""Panel looks again at an approved household: approval continues, its terms change, it is
suspended (no new introductions; arrangements carry on) or the suspension is lifted."""

from datetime import date, timedelta
from html import unescape

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinfolk.notifications.models import Notification
from kinfolk.sharedlives.arrangements.services import arrangement_start
from kinfolk.sharedlives.carers.services import approval_review_record, panel_date_set
from kinfolk.sharedlives.introductions.services import interest_express
from kinfolk.sharedlives.models import ArrangementStatus, CarerStatus, PanelDecision
from kinfolk.sharedlives.referrals.selectors import suggestions
from kinfolk.sharedlives.tests.journeys import TODAY, agreed, start

PANEL = "A Chair (independent); B Member (expert by experience)"


def _decide(s, decision, **terms):
    return approval_review_record(
        actor=s.worker,
        carer=s.carer,
        panel_date=TODAY,
        members=PANEL,
        decision=decision,
        reasons=terms.pop("reasons", "Panel's reasons"),
        **terms,
    )


def _told(actor):
    return list(Notification.objects.filter(recipient=actor.user).values_list("text", flat=True))


def test_a_suspended_household_gets_no_new_introductions(scheme):
    s = scheme
    _decide(s, "suspended")
    s.carer.refresh_from_db()
    assert s.carer.status == CarerStatus.SUSPENDED
    assert s.carer not in [x.carer for x in suggestions(actor=s.you, referral=s.referral)]
    with pytest.raises(ValidationError, match="Approval suspended by panel"):
        interest_express(actor=s.you, referral=s.referral, carer=s.carer)
    with pytest.raises(ValidationError, match="Approval suspended by panel"):
        interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer)


def test_an_introduction_already_agreed_cannot_start_an_arrangement_while_suspended(scheme):
    s = scheme
    introduction = agreed(s)
    _decide(s, "suspended")
    with pytest.raises(ValidationError, match="not approved now"):
        arrangement_start(
            actor=s.worker,
            introduction=introduction,
            starts_on=TODAY,
            agreement_signed_by_person_on=TODAY,
            agreement_signed_by_carer_on=TODAY,
            licence_signed_by_person_on=TODAY,
            licence_signed_by_carer_on=TODAY,
        )


def test_arrangements_carry_on_and_are_listed_for_the_worker(scheme, signed_in_client):
    s = scheme
    arrangement = start(s, agreed(s))
    _decide(s, "suspended")
    arrangement.refresh_from_db()
    assert arrangement.status == ArrangementStatus.ACTIVE
    response = signed_in_client(s.worker.membership).get(
        reverse("sharedlives:carer", args=[s.carer.pk])
    )
    text = unescape(response.content.decode())
    assert "Approval suspended by panel" in text
    assert "Arrangements already in place carry on" in text
    assert "Arrangements now (1)" in text and "Sam: " in text
    listing = unescape(
        signed_in_client(s.worker.membership).get(reverse("sharedlives:carers")).content.decode()
    )
    assert "Suspended" in listing


def test_lifting_the_suspension_opens_the_household_again_and_history_is_kept(scheme):
    s = scheme
    _decide(s, "suspended")
    with pytest.raises(ValidationError, match="not in force to suspend"):
        _decide(s, "suspended")
    _decide(s, "lifted")
    s.carer.refresh_from_db()
    assert s.carer.status == CarerStatus.APPROVED
    assert s.carer in [x.carer for x in suggestions(actor=s.you, referral=s.referral)]
    assert [p.decision for p in PanelDecision.objects.filter(carer=s.carer).order_by("pk")] == [
        "suspended",
        "lifted",
    ]
    with pytest.raises(ValidationError, match="not suspended"):
        _decide(s, "lifted")


def test_panel_changes_the_terms_within_the_rules_of_approval(scheme):
    s = scheme
    start(s, agreed(s))  # one place in use
    with pytest.raises(ValidationError, match="1 to 3 places"):
        _decide(s, "terms_changed", approved_types=["long_term"], places=0)
    with pytest.raises(ValidationError, match="at least one kind"):
        _decide(s, "terms_changed", approved_types=[], places=1)
    with pytest.raises(ValidationError, match="reasons"):
        _decide(s, "terms_changed", approved_types=["long_term"], places=1, reasons="")
    _decide(s, "terms_changed", approved_types=["long_term"], approved_needs=["autism"], places=1)
    s.carer.refresh_from_db()
    assert (s.carer.approved_types, s.carer.approved_needs, s.carer.places) == (
        ["long_term"],
        ["autism"],
        1,
    )
    kept = PanelDecision.objects.get(carer=s.carer, decision="terms_changed")
    assert kept.places == 1 and kept.reasons == "Panel's reasons"


def test_only_a_scheme_worker_records_panel(scheme):
    s = scheme
    for actor in (s.carer_actor, s.you, s.representative):
        with pytest.raises(PermissionDenied):
            approval_review_record(
                actor=actor,
                carer=s.carer,
                panel_date=TODAY,
                members=PANEL,
                decision="suspended",
                reasons="x",
            )
    s.carer.refresh_from_db()
    assert s.carer.status == CarerStatus.APPROVED


def test_the_household_is_told_its_panel_date_and_the_outcome(scheme):
    s = scheme
    panel_date_set(actor=s.worker, carer=s.carer, panel_on=TODAY + timedelta(days=10))
    assert any("goes to panel on" in t for t in _told(s.carer_actor))
    _decide(s, "suspended")
    assert "Panel's decision: approval suspended." in _told(s.carer_actor)
    assert not _told(s.other_carer_actor)
    with pytest.raises(ValidationError, match="past"):
        panel_date_set(actor=s.worker, carer=s.carer, panel_on=date.today() - timedelta(days=1))


def test_the_worker_suspends_through_the_page(scheme, signed_in_client):
    s = scheme
    client = signed_in_client(s.worker.membership)
    page = unescape(client.get(reverse("sharedlives:carer", args=[s.carer.pk])).content.decode())
    assert "Panel looks again at their approval" in page
    assert "Suspend approval: no new introductions" in page
    client.post(
        reverse("sharedlives:carer_panel", args=[s.carer.pk]),
        {
            "panel_date_day": TODAY.day,
            "panel_date_month": TODAY.month,
            "panel_date_year": TODAY.year,
            "panel_date": TODAY.isoformat(),
            "members": PANEL,
            "decision": "suspended",
            "reasons": "A safeguarding concern is being looked into",
            "places": 2,
            "rooms": 2,
        },
    )
    s.carer.refresh_from_db()
    assert s.carer.status == CarerStatus.SUSPENDED


def test_panels_next_decision_takes_the_household_off_panels_list(scheme):
    s = scheme
    s.carer.back_to_panel_because = "The annual review asked panel to look again."
    s.carer.panel_on = TODAY
    s.carer.save()
    _decide(s, "approved", reasons="")
    s.carer.refresh_from_db()
    assert s.carer.back_to_panel_because == "" and s.carer.panel_on is None
    assert s.carer.status == CarerStatus.APPROVED
