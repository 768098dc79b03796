"""Who may do what in Shared Lives: every permission the app uses, named here and asked through
the one gate (`kinfolk.core.permissions.can` / `require`). Consent decisions belong to the person
(or someone they chose to act for them) and the carer; workers record and organise.

Most permissions are asked about the person (their referral, suggestions, introductions); the
carer household's are asked about the household; the scheme-wide ones about nothing.
"""

import rules

from kinfolk.accounts.models import Role
from kinfolk.people.rules import (
    granted_act_for,
    is_allocated,
    is_in_actors_area,
    is_the_person,
    person_rules,
)

from .models import IN_PROGRESS_STAGES, Carer, Introduction, ReferralStatus, Side, Stage

SCHEME = "scheme"  # the scheme worker's side of an introduction: they organise, never decide
# Who is speaking for a side (ADR 0027): the side itself, or someone recording it for them.
THEMSELVES = "themselves"
REPRESENTATIVE = "representative"


@rules.predicate
def is_scheme_worker(actor, _obj=None) -> bool:
    return actor.acts_as(Role.SCHEME_WORKER)


@rules.predicate
def is_a_carer(actor, _obj=None) -> bool:
    return actor.acts_as(Role.SHARED_LIVES_CARER)


@rules.predicate
def sees_the_person(actor, person) -> bool:
    return person_rules.test_rule("view_person", actor, person)


@rules.predicate
def is_the_carer(actor, carer) -> bool:
    """The carer of this household, signed in as its carer, in its area."""
    return (
        actor.acts_as(Role.SHARED_LIVES_CARER)
        and actor.area is not None
        and carer.area_id == actor.area.pk
        and carer.user_id == actor.user.pk
    )


@rules.predicate
def runs_the_scheme(actor, carer=None) -> bool:
    """Scheme workers look after every carer household in their area's scheme."""
    return actor.acts_as(Role.SCHEME_WORKER) and (carer is None or carer.area_id == actor.area.pk)


@rules.predicate
def sees_scheme_reports(actor, _obj=None) -> bool:
    """The published scheme figures: scheme workers, commissioners and experts by experience."""
    return actor.acts_as(Role.SCHEME_WORKER, Role.COMMISSIONER, Role.EXPERT_BY_EXPERIENCE)


manages_referral = is_in_actors_area & is_scheme_worker & is_allocated
# Saying yes or no to meeting, and agreeing to an arrangement: the person's own decision,
# or that of someone they chose to act for them. Never a worker's.
decides_for_person = is_in_actors_area & (is_the_person | granted_act_for)


def side_for(actor, introduction) -> str | None:
    """Which side the actor speaks for on an introduction (or the arrangement it became): the
    person's (themselves or someone they chose), the carer's, the scheme's (their allocated
    worker, who organises but never decides), or None."""
    if not actor.is_signed_in:
        return None
    if is_the_carer(actor, introduction.carer):
        return Side.CARER
    if decides_for_person(actor, introduction.person):
        return Side.PERSON
    if manages_referral(actor, introduction.person):
        return SCHEME
    return None


def speaker_for(actor, introduction) -> str | None:
    """Who the actor is when they record a side's yes or no: the side THEMSELVES (the person
    or the carer), the person's REPRESENTATIVE, the SCHEME worker, or None. Anyone but the
    side itself records it for them, and must say how the side showed it."""
    if not actor.is_signed_in:
        return None
    if is_the_carer(actor, introduction.carer):
        return THEMSELVES
    if (is_in_actors_area & is_the_person)(actor, introduction.person):
        return THEMSELVES
    if decides_for_person(actor, introduction.person):
        return REPRESENTATIVE
    if manages_referral(actor, introduction.person):
        return SCHEME
    return None


@rules.predicate
def records_for_a_side(actor, introduction) -> bool:
    """The sides, the person's representative, or the person's worker."""
    return speaker_for(actor, introduction) is not None


@rules.predicate
def speaks_for_a_side(actor, introduction) -> bool:
    return side_for(actor, introduction) in (Side.PERSON, Side.CARER)


@rules.predicate
def plans_meetings(actor, introduction) -> bool:
    """The diary of an introduction: either side (the person, someone they chose to act for
    them, the carer) or the person's allocated scheme worker."""
    return side_for(actor, introduction) is not None


@rules.predicate
def is_a_party(actor, introduction) -> bool:
    """The person (or whoever sees their record) or the carer of an introduction or arrangement."""
    return sees_the_person(actor, introduction.person) or is_the_carer(actor, introduction.carer)


@rules.predicate
def may_say_yes_about(actor, referral) -> bool:
    """The person (or who acts for them), their worker (recording a side's yes for them, with
    how they showed it), or a carer whose person chose to be seen by suitable carers while they
    are still looking."""
    if decides_for_person(actor, referral.person) or manages_referral(actor, referral.person):
        return True
    if not actor.acts_as(Role.SHARED_LIVES_CARER) or actor.area is None:
        return False
    return (
        Carer.objects.in_area(actor.area).filter(user=actor.user).exists()
        and referral.area_id == actor.area.pk
        and referral.share_with_suitable_carers
        and referral.status in (ReferralStatus.NEW, ReferralStatus.LOOKING)
    )


@rules.predicate
def was_introduced_to(actor, carer) -> bool:
    """Someone the scheme introduced to this household (past interest: both said yes), or who
    sees that person's record (their representative, their worker)."""
    if not actor.is_signed_in or actor.area is None or carer.area_id != actor.area.pk:
        return False
    met = Introduction.objects.in_area(actor.area).filter(
        carer=carer, stage__in=[*IN_PROGRESS_STAGES, Stage.ARRANGED]
    )
    return any(sees_the_person(actor, i.person) for i in met.select_related("person"))


# On a person (their referral, suggestions and matches):
@rules.predicate
def may_be_at_meetings(actor, obj=None) -> bool:
    """Who can have Shared Lives meetings coming up: the two sides and the scheme worker."""
    return actor.acts_as(
        Role.PERSON, Role.REPRESENTATIVE, Role.SHARED_LIVES_CARER, Role.SCHEME_WORKER
    )


rules.add_perm("sharedlives.manage_referral", manages_referral)
rules.add_perm("sharedlives.decide_for_person", decides_for_person)
rules.add_perm("sharedlives.view_referral", sees_the_person)
rules.add_perm("sharedlives.see_suggestions", manages_referral | decides_for_person)
# My matches: the person's page, which their allocated worker sees as the person does (to help
# them choose; the worker never says yes for them).
rules.add_perm("sharedlives.see_matches", decides_for_person | manages_referral)
rules.add_perm("sharedlives.choose_as_the_person", is_the_person)
# On a referral: saying yes to meeting.
rules.add_perm("sharedlives.say_yes_about", may_say_yes_about)
# On an introduction or an arrangement:
rules.add_perm("sharedlives.view_introduction", is_a_party)
rules.add_perm("sharedlives.view_arrangement", is_a_party)
rules.add_perm("sharedlives.speak_for_a_side", speaks_for_a_side)
rules.add_perm("sharedlives.record_for_a_side", records_for_a_side)
# On an introduction's meetings (the diary): propose, move, cancel, mark held, add to a calendar;
# only a side says a time suits them.
rules.add_perm("sharedlives.plan_meeting", plans_meetings)
rules.add_perm("sharedlives.see_coming_meetings", may_be_at_meetings)
rules.add_perm("sharedlives.say_a_meeting_suits", speaks_for_a_side)
# On a carer household (or the scheme, with no household):
rules.add_perm("sharedlives.run_scheme", runs_the_scheme)
rules.add_perm("sharedlives.view_carer", runs_the_scheme | is_the_carer)
rules.add_perm("sharedlives.answer_introduction_requests", is_a_carer)
rules.add_perm("sharedlives.invite_carer", runs_the_scheme)
rules.add_perm("sharedlives.keep_household_profile", is_the_carer)
rules.add_perm("sharedlives.review_household_changes", runs_the_scheme)
rules.add_perm(
    "sharedlives.see_household_photos", runs_the_scheme | is_the_carer | was_introduced_to
)
rules.add_perm("sharedlives.see_my_household", is_a_carer)
# Stopping being carers: the carer's own decision; a worker may record it in their words.
rules.add_perm("sharedlives.record_leaving", runs_the_scheme | is_the_carer)
rules.add_perm("sharedlives.speak_as_the_carer", is_the_carer)
# Scheme-wide:
rules.add_perm("sharedlives.see_scheme_reports", sees_scheme_reports)
# The home page's cards (kinfolk/sharedlives/links.py):
rules.add_perm("sharedlives.see_my_matches", is_in_actors_area & is_the_person)
rules.add_perm("sharedlives.see_matches_for_someone", is_in_actors_area & granted_act_for)
