"""Views and API modules read through area-scoped selectors, never `<Model>.objects`."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
DIRECT_ACCESS = re.compile(r"\b[A-Z][A-Za-z0-9_]*\.objects\b")


def _view_and_api_modules() -> list[Path]:
    modules = [
        *PACKAGE.glob("*/views.py"),
        *PACKAGE.glob("*/api.py"),
        *PACKAGE.glob("*/views/*.py"),
        *PACKAGE.glob("*/api/*.py"),
    ]
    return sorted(path for path in modules if "tests" not in path.parts)


def test_there_are_views_and_api_modules_to_check():
    names = {f"{p.parent.name}/{p.name}" for p in _view_and_api_modules()}
    assert {"people/views.py", "people/api.py", "accounts/views.py"} <= names


def test_no_view_or_api_module_uses_model_objects_directly():
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}"
        for path in _view_and_api_modules()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if DIRECT_ACCESS.search(line)
    ]
    assert offenders == [], "Use an area-scoped selector instead:\n" + "\n".join(offenders)
