"""Where equipment is up to, in the words a family would use."""

from datetime import date

from .models import Agency, PartStatus


def _day(d: date) -> str:
    return f"{d:%-d %B %Y}"


def part_line(part, today: date) -> dict:
    """ "Bracket (Adult social care): late, it was due by 10 March 2027. They said: ..." """
    who = Agency(part.agency).label
    if part.status == PartStatus.WORKING:
        words, state = f"in place since {_day(part.working_on)}", "working"
    elif part.target_on < today:
        words, state = f"it was due by {_day(part.target_on)}", "late"
    else:
        status = PartStatus(part.status).label.lower()
        words, state = f"{status}, due by {_day(part.target_on)}", "on its way"
    said = f" They said: “{part.note}”" if part.note else ""
    return {"part": part, "who": who, "words": f"{words}.{said}", "state": state}


def request_summary(request, parts: list, today: date) -> str:
    """The whole request in one sentence."""
    if parts and all(p.status == PartStatus.WORKING for p in parts):
        done = max(p.working_on for p in parts)
        days = (done - request.requested_on).days
        return f"Everything is in place and working since {_day(done)}, {days} days after asking."
    late = [p for p in parts if p.status != PartStatus.WORKING and p.target_on < today]
    if late:
        return f"{len(late)} of {len(parts)} parts {'is' if len(late) == 1 else 'are'} late."
    return "Waiting for the parts below."
