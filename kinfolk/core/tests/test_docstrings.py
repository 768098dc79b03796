"""Every public service (a write) and selector (a read) says in one line what it does
(docs/architecture.md): `services.py`, `selectors.py` and the `services/` and `selectors/`
packages of every app."""

import ast
from pathlib import Path

KINFOLK = Path(__file__).resolve().parents[2]


def _service_and_selector_files():
    for path in sorted(KINFOLK.rglob("*.py")):
        if "tests" in path.parts:
            continue
        if path.stem in ("services", "selectors") or path.parent.name in ("services", "selectors"):
            yield path.relative_to(KINFOLK).as_posix(), path


def _public_functions():
    for name, path in _service_and_selector_files():
        for node in ast.parse(path.read_text()).body:
            if isinstance(
                node, ast.FunctionDef | ast.AsyncFunctionDef
            ) and not node.name.startswith("_"):
                yield f"{name}: {node.name}", node


def test_every_public_service_and_selector_has_a_docstring():
    missing = [where for where, node in _public_functions() if not ast.get_docstring(node)]
    assert not missing, "Say in one line what each of these does:\n" + "\n".join(missing)
