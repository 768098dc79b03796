"""One gate per app: roles are compared only in an app's rules.py (and its models), and every
permission is asked through kinfolk.core.permissions (ADR 0022, docs/architecture.md)."""

import re
from pathlib import Path

import pytest
import rules
from django.core.exceptions import PermissionDenied

from kinfolk.core import permissions
from kinfolk.core.models import AuditAction, AuditLog

ROOT = Path(__file__).resolve().parents[2]

# A comparison of roles: acts_as(...), role == / in ..., the role groups, Role.X == ...
ROLE_COMPARISON = re.compile(
    r"acts_as\(|\brole\s*(==|!=|not in|in)\s|is_staff_role|CARE_ROLES|STAFF_ROLES"
    r"|Role\.[A-Z_]+\s*(==|!=)|(==|!=)\s*Role\."
)
# Where roles may be compared: the rules themselves, the models that define the roles, and the
# actor (which defines acts_as).
ALLOWED = ("rules.py", "models.py")
ALLOWED_FILES = {"accounts/actor.py", "conftest.py"}
# Files still to move their role checks into rules.py (the renovation empties this list).
NOT_YET = {
    "accounts/management/commands/add_member.py",
    "accounts/selectors.py",
    "accounts/services/memberships.py",
    "accounts/services/sign_in.py",
    "core/jinja2/core/no_role.jinja",
    "core/presenters.py",
    "directory/jinja2/directory/shortlists.jinja",
    "directory/services.py",
    "directory/views.py",
    "people/presenters.py",
    "people/selectors.py",
    "people/services.py",
    "social_prescribing/api.py",
    "social_prescribing/selectors.py",
    "social_prescribing/services.py",
    "social_prescribing/views.py",
}


def _code_files():
    for path in sorted(ROOT.rglob("*")):
        if (
            path.suffix not in (".py", ".jinja")
            or "/tests/" in str(path)
            or "migrations" in str(path)
        ):
            continue
        yield path.relative_to(ROOT).as_posix(), path


def test_roles_are_compared_only_in_rules():
    offenders = []
    for name, path in _code_files():
        if path.name in ALLOWED or name in ALLOWED_FILES or name in NOT_YET:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if ROLE_COMPARISON.search(line):
                offenders.append(f"{name}:{number}: {line.strip()}")
    assert not offenders, "Compare roles in the app's rules.py:\n" + "\n".join(offenders)


def test_the_not_yet_list_only_names_files_that_still_compare_roles():
    stale = [
        name
        for name, path in _code_files()
        if name in NOT_YET and not ROLE_COMPARISON.search(path.read_text())
    ]
    missing = NOT_YET - {name for name, _ in _code_files()}
    assert not stale and not missing, f"Take these off NOT_YET: {sorted(stale + list(missing))}"


@pytest.fixture
def worker(make_member, area, actor_for):
    return actor_for(make_member("scheme_worker", area))


def test_asking_for_a_permission_nobody_named_is_a_mistake_not_a_no(worker):
    with pytest.raises(LookupError):
        permissions.can(worker, "nowhere.do_anything")


@pytest.mark.django_db
def test_a_refusal_is_audited_and_stops_the_request(worker):
    rules.add_perm("gate_test.never", rules.always_deny)
    try:
        actor = worker
        with pytest.raises(PermissionDenied):
            permissions.require(actor, "gate_test.never")
        entry = AuditLog.objects.order_by("-sequence").first()
        assert entry.action == AuditAction.DENIED
        assert entry.detail == {"rule": "gate_test.never"}
    finally:
        rules.remove_perm("gate_test.never")


@pytest.mark.django_db
def test_an_answer_is_remembered_for_the_rest_of_the_request(worker):
    asked = []

    @rules.predicate
    def counted(actor, obj):
        asked.append(obj)
        return True

    rules.add_perm("gate_test.counted", counted)
    try:
        actor = worker
        assert permissions.can(actor, "gate_test.counted")
        assert permissions.can(actor, "gate_test.counted")
        assert len(asked) == 1
        permissions.forget(actor)
        assert permissions.can(actor, "gate_test.counted")
        assert len(asked) == 2
    finally:
        rules.remove_perm("gate_test.counted")
