"""What makes a listing need chasing: not confirmed for six months, or its evidence (insurance,
safeguarding, ...) missing or out of date. Pure: it reads only what it is given."""

from datetime import date, timedelta

from .models import Evidence, Organization

STALE_AFTER = timedelta(days=183)  # not confirmed in 6 months


def is_stale(org: Organization, today: date | None = None) -> bool:
    """Whether nobody has confirmed the listing is still true in the last six months."""
    confirmed = org.confirmed_at or org.last_modified
    return confirmed is None or confirmed.date() < (today or date.today()) - STALE_AFTER


def expired_evidence(org: Organization, today: date | None = None) -> list[str]:
    """What stops the listing being approved: each piece of evidence missing or expired."""
    today = today or date.today()
    have = {e.kind: e for e in org.evidence.all()}
    problems = [
        f"{Evidence.Kind(k).label} is missing" for k in Evidence.Kind.values if k not in have
    ]
    problems += [
        f"{e.get_kind_display()} expired on {e.expires_on.day} {e.expires_on:%B %Y}"
        for e in have.values()
        if e.expires_on < today
    ]
    return problems
