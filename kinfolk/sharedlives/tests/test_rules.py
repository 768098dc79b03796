"""Every permission Shared Lives asks for is named in its rules.py, and `side_for` says which
side someone speaks for on an introduction."""

import re
from pathlib import Path

import rules

from kinfolk.accounts.models import Role
from kinfolk.sharedlives.models import Introduction, Side
from kinfolk.sharedlives.rules import SCHEME, side_for

APP = Path(__file__).resolve().parents[1]


# A permission asked of the gate: can(actor, "sharedlives.x" ...), require(...), permission="..."
GATE_CALL = re.compile(r'(?:permission=|\b(?:can|require)\([^"()]*?)"(sharedlives\.[a-z_]+)"', re.S)


def test_every_permission_asked_for_is_named_in_rules():
    asked = set()
    for path in APP.rglob("*.py"):
        if "tests" not in path.parts and "migrations" not in path.parts:
            asked |= set(re.findall(GATE_CALL, path.read_text()))
    assert asked, "Shared Lives asks the gate nothing?"
    assert {name for name in asked if not rules.perm_exists(name)} == set()


def test_side_for_each_person_in_a_scheme(scheme, area, make_member, actor_for):
    s = scheme
    introduction = Introduction(area=area, referral=s.referral, person=s.person, carer=s.carer)
    assert side_for(s.you, introduction) == Side.PERSON
    assert side_for(s.representative, introduction) == Side.PERSON
    assert side_for(s.carer_actor, introduction) == Side.CARER
    assert side_for(s.worker, introduction) == SCHEME
    for outsider in (
        s.other_worker,
        s.other_carer_actor,
        actor_for(make_member(Role.COMMISSIONER, area)),
    ):
        assert side_for(outsider, introduction) is None
