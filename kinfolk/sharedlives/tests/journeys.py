"""The steps of a Shared Lives journey for tests: both say yes, meetings, agreeing, starting."""

from datetime import date

from kinfolk.sharedlives.arrangements.services import arrangement_start
from kinfolk.sharedlives.introductions.services import (
    arrangement_agree,
    interest_express,
    stage_view_record,
)
from kinfolk.sharedlives.models import Stage

TODAY = date.today()


def both_say_yes(s):
    interest_express(actor=s.you, referral=s.referral, carer=s.carer)
    return interest_express(actor=s.carer_actor, referral=s.referral, carer=s.carer)


def through_the_meetings(s, introduction):
    """After each meeting, each side says for itself that it wants to carry on."""
    for _stage in (Stage.INTRODUCTION, Stage.TEA_VISIT, Stage.TRIAL_STAY):
        for who in (s.you, s.carer_actor):
            introduction = stage_view_record(
                actor=who, introduction=introduction, carry_on=True, view="Good"
            )
    return introduction


def agreed(s):
    introduction = through_the_meetings(s, both_say_yes(s))
    arrangement_agree(actor=s.you, introduction=introduction)
    return arrangement_agree(actor=s.carer_actor, introduction=introduction)


def start(s, introduction, **overrides):
    fields = dict(
        starts_on=TODAY,
        agreement_signed_by_person_on=TODAY,
        agreement_signed_by_carer_on=TODAY,
        licence_signed_by_person_on=TODAY,
        licence_signed_by_carer_on=TODAY,
    )
    fields.update(overrides)
    return arrangement_start(actor=s.worker, introduction=introduction, **fields)
