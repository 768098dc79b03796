"""A person's social prescribing in their subject access export; their words erased.

Referrals keep their facts (practice, reasons, dates, status, codes) for the commissioner's
counts; conversations, goals, notes to organisations, reasons and messages are words about the
person and are replaced by "Erased".
"""

from kinfolk.core.subject_access import Part, erase_words, holds_nothing_about_a_person, register
from kinfolk.core.subject_access import when as _when

from .models import CommunityReferral, Conversation, Goal, Message, Referral

KEY = "social_prescribing"


def _referral(r: Referral) -> dict:
    return {
        "practice": r.practice, "practice_code": r.practice_code, "reasons": r.reasons,
        "status": r.status, "code": r.code,
        "consent_given_by": r.consent_given_by, "what_matters": r.what_matters,
        "referrer": r.referrer.display_name,
        "link_worker": r.link_worker.display_name if r.link_worker else None,
        "received_at": _when(r.received_at), "first_contact_at": _when(r.first_contact_at),
        "connected_at": _when(r.connected_at), "closed_at": _when(r.closed_at),
        "closing_summary": r.closing_summary, "declined_reason": r.declined_reason,
        "conversations": [{"held_on": _when(c.held_on), "notes": c.notes}
                          for c in r.conversations.all()],
        "goals": [{"in_their_words": g.in_their_words, "achieved": g.achieved}
                  for g in r.goals.all()],
        "community_referrals": [
            {"service": c.service.name, "organisation": c.organization.name, "status": c.status,
             "note_for_organisation": c.note_for_organisation,
             "declined_reason": c.declined_reason, "sent_at": _when(c.sent_at),
             "decided_at": _when(c.decided_at), "started_at": _when(c.started_at),
             "contact_shared": c.contact_shared}
            for c in r.community.select_related("service", "organization")
        ],
        "messages": [{"sent_at": _when(m.sent_at), "text": m.text} for m in r.messages.all()],
    }  # fmt: skip


def export(person) -> dict:
    referrals = (
        Referral.objects.in_area(person.area)
        .filter(person=person)
        .select_related("referrer", "link_worker")
    )
    return {"referrals": [_referral(r) for r in referrals]}


def erase(person) -> None:
    area = person.area
    referrals = Referral.objects.in_area(area).filter(person=person)
    erase_words(referrals, "what_matters", "closing_summary", "declined_reason")
    of_person = {"referral__person": person}
    erase_words(Conversation.objects.in_area(area).filter(**of_person), "notes")
    erase_words(Goal.objects.in_area(area).filter(**of_person), "in_their_words")
    erase_words(
        CommunityReferral.objects.in_area(area).filter(**of_person),
        "note_for_organisation",
        "declined_reason",
    )
    erase_words(Message.objects.in_area(area).filter(**of_person), "text")


def register_parts() -> None:
    register(
        Part(
            KEY,
            ("social_prescribing.Referral", "social_prescribing.Conversation",
             "social_prescribing.Goal", "social_prescribing.CommunityReferral",
             "social_prescribing.Message"),
            export,
            erase,
        )
    )  # fmt: skip
    holds_nothing_about_a_person(
        "social_prescribing.OrganizationMember",
        "which organisation a staff member works for (no one who uses support)",
    )
    holds_nothing_about_a_person(
        "social_prescribing.Practice", "the area's list of GP practices (ODS codes and names)"
    )
