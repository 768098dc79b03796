"""What the directory's pages show, from records already read: no database."""

from datetime import date, datetime, timedelta
from types import SimpleNamespace

from kinfolk.directory.presenters import listings_page

TODAY = date(2026, 1, 5)
KINDS = ("insurance", "dbs", "safeguarding")


class _Evidence(SimpleNamespace):
    def get_kind_display(self):
        return {"insurance": "Public liability insurance"}.get(self.kind, self.kind)


def _org(pk, status, *, kind="micro_enterprise", confirmed_days_ago=0, expired=()):
    evidence = [
        _Evidence(kind=k, expires_on=TODAY - timedelta(days=1) if k in expired else TODAY)
        for k in KINDS
    ]
    return SimpleNamespace(
        pk=pk,
        listing_status=status,
        kind=kind,
        confirmed_at=datetime(2026, 1, 5) - timedelta(days=confirmed_days_ago),
        last_modified=None,
        evidence=SimpleNamespace(all=lambda: evidence),
    )


def test_the_admin_sees_what_waits_what_is_stale_and_what_has_expired():
    waiting = _org(1, "pending")
    stale = _org(2, "approved", confirmed_days_ago=200)
    expired = _org(3, "approved", expired=("insurance",))
    expired_charity = _org(4, "approved", kind="charity", expired=("insurance",))
    fine = _org(5, "approved")
    page = listings_page([waiting, stale, expired, expired_charity, fine], today=TODAY)
    assert page["pending"] == [waiting]
    assert page["stale"] == [stale]
    assert [org for org, _ in page["expired"]] == [expired]  # only enterprises show evidence
    assert page["expired"][0][1] == ["Public liability insurance expired on 4 January 2026"]
    assert page["evidence"][fine.pk] == []
