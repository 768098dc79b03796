"""Who the directory tells: a person (and whoever acts for them) when a worker sends them a
shortlist of local services to look at."""

from django.urls import reverse

from kinfolk.notifications.events import Event, register
from kinfolk.notifications.services import tell
from kinfolk.people.notices import speaking_for

SHORTLIST = "directory.shortlist_arrived"


def shortlist_arrived(shortlist) -> None:
    """A worker sent the person some services to look at; the person decides."""
    person = shortlist.person
    for user in speaking_for(person):
        own = user.pk == person.user_id
        tell(recipient=user, area=person.area, event=SHORTLIST,
             text="Some local activities were suggested for you to look at." if own
             else f"Some local activities were suggested for {person.called} to look at.",
             key=f"shortlist-{shortlist.pk}",
             link=reverse("directory:shortlists", args=[person.pk]), about=person)  # fmt: skip


def register_events() -> None:
    """The directory's events (from AppConfig.ready())."""
    register(Event(SHORTLIST, "Some local activities were suggested for you. Sign in to see them.",
                   "Someone suggested some things to do. Sign in to see them."))  # fmt: skip
