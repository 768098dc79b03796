"""Published scores: per service, how many people scored it and how many said "yes" or
"mostly" to each I statement, for a financial year, under the disclosure rule."""

from kinfolk.core.disclosure import Line, count_line, protect_over_time

from .models import YES, IStatement, ServiceScore


def _counts(scores: list) -> dict:
    counts = {"people": len(scores)}
    for s in IStatement.values:
        yes = sum(1 for x in scores if x.answers.get(s) in YES)
        counts[(s, "yes")], counts[(s, "not")] = yes, len(scores) - yes
    return counts


def published(*, area, year) -> list[Line]:
    """Each service's published figures for the year (lines; section = the service)."""
    if not year.cuts:
        return []
    last_cut = year.cuts[-1]
    # Only what was scored by the last cut: a score since then is not shown, nor its service.
    everything = list(
        ServiceScore.objects.in_area(area).filter(year=year.code, scored_on__lte=last_cut)
    )
    lines = []
    for service in sorted({s.service for s in everything}):
        mine = [s for s in everything if s.service == service]
        shown = protect_over_time(
            [_counts([s for s in mine if s.scored_on <= cut]) for cut in year.cuts],
            [("people", [(s, "yes"), (s, "not")]) for s in IStatement.values],
        )
        lines.append(count_line(service, "People who scored it", shown["people"]))
        lines += [count_line(service, f"{label}: yes or mostly", shown[(s, "yes")])
                  for s, label in IStatement.choices]  # fmt: skip
    return lines


def first_score_on(*, area):
    """The day of the area's first score (None before any), for the years offered."""
    found = ServiceScore.objects.in_area(area).order_by("scored_on")
    return found.values_list("scored_on", flat=True).first()


def my_record(*, actor):
    """The actor's own person record in their area (None if they have none)."""
    from kinfolk.people.models import Person

    if actor.user is None or actor.area is None:
        return None
    return Person.objects.in_area(actor.area).filter(user=actor.user).first()


MIN_WORDS = 5  # a service's words are read only once 5 or more people scored it


def words_by_service(*, area, year) -> dict[str, list[str]]:
    """What people wrote, by service, without names or dates, shuffled; only for services 5 or
    more people scored this year."""
    import random

    scores = list(ServiceScore.objects.in_area(area).filter(year=year.code))
    found = {}
    for service in sorted({s.service for s in scores}):
        mine = [s for s in scores if s.service == service]
        said = [s.in_their_words for s in mine if s.in_their_words]
        if len(mine) >= MIN_WORDS and said:
            random.shuffle(said)
            found[service] = said
    return found
