"""One gate per app: roles are compared only in an app's rules.py (and its models), and every
permission is asked through kinfolk.core.permissions (ADR 0022, docs/architecture.md)."""

import io
import re
import tokenize
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
JINJA_CODE = re.compile(r"{%.*?%}|{{.*?}}", re.S)


def _code_files():
    for path in sorted(ROOT.rglob("*")):
        if (
            path.suffix not in (".py", ".jinja")
            or "/tests/" in str(path)
            or "migrations" in str(path)
        ):
            continue
        yield path.relative_to(ROOT).as_posix(), path


def _code_lines(path: Path):
    """(line number, code) for the code in a file: Python without its strings and comments
    (so a sentence such as "a role in this area" is not a comparison), and only the tags and
    expressions of a template."""
    text = path.read_text()
    if path.suffix == ".jinja":
        for match in JINJA_CODE.finditer(text):
            yield text.count("\n", 0, match.start()) + 1, match.group()
        return
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    kept: dict[int, list[str]] = {}
    for token in tokens:
        if token.type not in (tokenize.STRING, tokenize.COMMENT, tokenize.FSTRING_MIDDLE):
            kept.setdefault(token.start[0], []).append(token.string)
    for number, parts in kept.items():
        yield number, " ".join(parts)


def test_roles_are_compared_only_in_rules():
    offenders = []
    for name, path in _code_files():
        if path.name in ALLOWED or name in ALLOWED_FILES:
            continue
        for number, code in _code_lines(path):
            if ROLE_COMPARISON.search(code):
                offenders.append(f"{name}:{number}: {code.strip()}")
    assert not offenders, "Compare roles in the app's rules.py:\n" + "\n".join(offenders)


def test_the_check_sees_a_comparison_in_code_and_templates_but_not_in_words(tmp_path):
    code = tmp_path / "views.py"
    code.write_text('if actor.role in CARE:\n    say("Your role in this area")\n')
    page = tmp_path / "page.jinja"
    page.write_text("<p>Your role in this area</p>{% if actor.acts_as('person') %}x{% endif %}")
    found = [c for p in (code, page) for _, c in _code_lines(p) if ROLE_COMPARISON.search(c)]
    assert len(found) == 2


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
