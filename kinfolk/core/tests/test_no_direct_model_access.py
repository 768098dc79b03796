"""Every module that serves a request reads through area-scoped selectors, never
`<Model>.objects` or `get_object_or_404(<Model>, ...)`, and templates never query.

A request is served by views and API modules, and by what they call to answer: presenters,
forms, the Open Referral UK API (`openreferral.py`) and context processors. Selectors are
where the area-scoped reads live (ADR 0003); there, only `get_object_or_404` on a bare model
(a read by id in any area) is refused. Templates receive what the presenter gives them: a
template that calls `.all()`, `.filter(...)` or `.count()` on a relation queries the database
behind the presenter's back, unscoped and unaudited. On PostgreSQL row-level security is a
second wall behind this one (ADR 0023).
"""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]

REQUEST_MODULE_NAMES = {
    "views.py",
    "api.py",
    "presenters.py",
    "forms.py",
    "openreferral.py",
    "context_processors.py",
}
REQUEST_PACKAGE_NAMES = {"views", "api", "presenters", "forms"}

DIRECT_ACCESS = re.compile(r"\b[A-Z][A-Za-z0-9_]*\.(?:objects|_default_manager|_base_manager)\b")
ANY_GET_OR_404 = re.compile(r"\bget_(?:object|list)_or_404\(")
BARE_MODEL_GET_OR_404 = re.compile(r"\bget_(?:object|list)_or_404\(\s*[A-Z][A-Za-z0-9_]*\s*[,)]")
TEMPLATE_QUERY = re.compile(
    r"\.objects\b|_set\b|\.(?:all|count|exists|first|last)\(\)"
    r"|\.(?:filter|exclude|order_by|values|values_list|select_related|prefetch_related)\("
)

# Files that still do it, waiting for the presenters that will hand them what they show.
# Each is being rewritten in the renovation (issue 16); the test fails when a listed file no
# longer needs to be here, so the list only shrinks. Do not add to it.
NOT_YET = {
    # Templates that walk relations (each should get the list from its presenter):
    "directory/jinja2/directory/listings.jinja",  # org.evidence.all()
    "directory/jinja2/directory/service.jinja",  # service.at_locations/schedules/... .all()
    "directory/jinja2/directory/shortlists.jinja",  # s.services.all()
    "social_prescribing/jinja2/social_prescribing/community.jinja",  # referral.goals.all()
    "social_prescribing/jinja2/social_prescribing/my_referrals.jinja",  # r.messages.all()
    "social_prescribing/jinja2/social_prescribing/referral.jinja",  # goals/community/...all()
    "wellbeing/jinja2/wellbeing/how_im_doing.jinja",  # page.circle.members.all()
}


def _not_test_code(path: Path) -> bool:
    return "tests" not in path.parts and "migrations" not in path.parts


def request_modules() -> list[Path]:
    """Every Python module that serves a request, wherever an app keeps it."""
    modules = [
        path
        for path in PACKAGE.rglob("*.py")
        if path.name in REQUEST_MODULE_NAMES or path.parent.name in REQUEST_PACKAGE_NAMES
    ]
    return sorted(path for path in modules if _not_test_code(path))


def selector_modules() -> list[Path]:
    modules = [*PACKAGE.rglob("selectors.py"), *PACKAGE.rglob("selectors/*.py")]
    return sorted(path for path in modules if _not_test_code(path))


def templates() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("jinja2/**/*.jinja") if _not_test_code(path))


def _name(path: Path) -> str:
    return str(path.relative_to(PACKAGE))


def _lines_matching(paths, pattern) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if pattern.search(line):
                found.setdefault(_name(path), []).append(f"{number}: {line.strip()[:120]}")
    return found


def _offenders(paths, pattern) -> dict[str, list[str]]:
    """What the guard refuses, less the files still waiting in NOT_YET."""
    found = _lines_matching(paths, pattern)
    return {name: lines for name, lines in found.items() if name not in NOT_YET}


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{name}:{line}" for name, lines in found.items() for line in lines)


def test_there_are_request_modules_selectors_and_templates_to_check():
    names = {_name(p) for p in request_modules()}
    assert {"people/views.py", "people/api.py", "accounts/views.py"} <= names
    assert {"directory/openreferral.py", "core/context_processors.py"} <= names
    assert any(name.endswith("presenters.py") for name in names)
    assert any(name.endswith("forms.py") for name in names)
    assert selector_modules() and templates()


def test_no_request_module_uses_model_objects_directly():
    found = _offenders(request_modules(), DIRECT_ACCESS)
    assert not found, "Use an area-scoped selector instead:\n" + _report(found)


def test_no_request_module_fetches_with_get_object_or_404():
    found = _offenders(request_modules(), ANY_GET_OR_404)
    assert not found, (
        "Fetch through a selector or kinfolk.core.records.record_for, which scope to the "
        "area, check and audit:\n" + _report(found)
    )


def test_no_selector_fetches_a_bare_model_by_id_in_any_area():
    found = _offenders(selector_modules(), BARE_MODEL_GET_OR_404)
    assert not found, "Fetch from an area-scoped queryset instead:\n" + _report(found)


def test_no_template_queries_the_database():
    found = _offenders(templates(), TEMPLATE_QUERY)
    assert not found, (
        "A template shows what its presenter gives it: hand the list over from the "
        "presenter (scoped by the selector) instead:\n" + _report(found)
    )


def test_every_file_waiting_on_the_list_still_needs_to_be_there():
    """A file that no longer does it leaves NOT_YET, so the list only shrinks."""
    offending = {
        *_lines_matching(request_modules(), DIRECT_ACCESS),
        *_lines_matching(request_modules(), ANY_GET_OR_404),
        *_lines_matching(selector_modules(), BARE_MODEL_GET_OR_404),
        *_lines_matching(templates(), TEMPLATE_QUERY),
    }
    assert NOT_YET <= offending, f"Remove from NOT_YET: {sorted(NOT_YET - offending)}"


def test_the_guard_recognises_what_it_refuses():
    assert DIRECT_ACCESS.search("people = Person.objects.all()")
    assert DIRECT_ACCESS.search("Carer._default_manager.get(pk=1)")
    assert not DIRECT_ACCESS.search("selectors.people_in_area(actor)")
    assert BARE_MODEL_GET_OR_404.search("get_object_or_404(Person, pk=person_id)")
    assert not BARE_MODEL_GET_OR_404.search("get_object_or_404(people_in(area), pk=1)")
    assert TEMPLATE_QUERY.search("{% for g in r.goals.all() %}")
    assert TEMPLATE_QUERY.search("{{ person.assignment_set.count() }}")
    assert TEMPLATE_QUERY.search("{% for x in p.referrals.filter(status='open') %}")
    assert not TEMPLATE_QUERY.search("{% for g in page.goals %}{{ g.get('words') }}{% endfor %}")
