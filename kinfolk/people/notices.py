"""What a person is told about their own record: someone new can see it, someone's access was
taken away, and emergency access was used (with the reason and by whom). Told to the person if
they sign in, and to whoever they chose to act for them."""

from django.urls import reverse

from kinfolk.notifications.events import Event, register
from kinfolk.notifications.services import tell

from .models import AccessGrant, Assignment, BreakGlassAccess, GrantScope, Person

SHARED = "people.record_shared"
UNSHARED = "people.record_access_ended"
EMERGENCY = "people.emergency_access_used"


def speaking_for(person: Person) -> list:
    """The people told about a person's own matters: the person (if they sign in) and anyone
    they chose to act for them."""
    users = [person.user] if person.user_id else []
    acting = AccessGrant.objects.filter(
        person=person, scope=GrantScope.ACT_FOR, revoked_at__isnull=True
    ).select_related("grantee")
    return users + [grant.grantee for grant in acting if grant.grantee_id != person.user_id]


def allocated_workers(person: Person, kind: str = Assignment.Kind.ALLOCATED_WORKER) -> list:
    """The workers allocated to a person now (for telling them about the person's matters)."""
    live = Assignment.objects.filter(person=person, kind=kind, ended_at__isnull=True)
    return [a.worker for a in live.select_related("worker")]


def _tell_person(person: Person, *, event: str, text: str, key: str, skip=None,
                 page: str = "people:sharing") -> None:  # fmt: skip
    for user in speaking_for(person):
        if skip is not None and user.pk == skip.pk:
            continue
        own = user.pk == person.user_id
        tell(
            recipient=user,
            area=person.area,
            event=event,
            text=text if own else f"About {person.called}'s record: {text[:1].lower()}{text[1:]}",
            key=key,
            link=reverse(page, args=[person.pk]),
            about=person,
        )


def record_shared(grant: AccessGrant) -> None:
    """Someone new can see the record (the person is told, even when they shared it)."""
    _tell_person(
        grant.person,
        event=SHARED,
        text=f"{grant.grantee.display_name} can now see your record "
        f"({grant.get_scope_display().lower()}).",
        key=f"grant-{grant.pk}",
        skip=grant.grantee,
    )


def record_access_ended(grant: AccessGrant) -> None:
    """Someone's access was taken away."""
    _tell_person(
        grant.person,
        event=UNSHARED,
        text=f"{grant.grantee.display_name} can no longer see your record.",
        key=f"grant-{grant.pk}-ended",
        skip=grant.grantee,
    )


def emergency_access_used(access: BreakGlassAccess) -> None:
    """Emergency access was used: by whom, and the reason they gave."""
    _tell_person(
        access.person,
        event=EMERGENCY,
        text=(
            f"{access.user.display_name} used emergency access to your record. "
            f"Their reason: {access.reason}"
        ),
        key=f"emergency-{access.pk}",
        page="people:activity",
    )


def register_events() -> None:
    """The people app's events (from AppConfig.ready())."""
    register(Event(SHARED, "Someone new can see a record in Kinfolk. Sign in to see who.",
                   "Someone new can see your record. Sign in to see who."))  # fmt: skip
    register(Event(UNSHARED, "Someone can no longer see a record in Kinfolk. Sign in to see who.",
                   "Someone cannot see your record now. Sign in to see who."))  # fmt: skip
    register(Event(EMERGENCY, "Emergency access was used on a record in Kinfolk. Sign in to see "
                   "who and why.", "Someone looked at your record in an emergency. Sign in to "
                   "see who and why."))  # fmt: skip
