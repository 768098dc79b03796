"""Layers only point down (ADR 0022, docs/architecture.md).

Every Kinfolk module's imports are read (with `ast`, including imports inside functions) and an
import of another Kinfolk app is allowed only when that app sits lower in LAYERS. Apps on the same
level (wellbeing and the directory) do not import each other. Tests are not read: a test may put
several apps together to exercise them (the authorization matrix, the browser journeys).
"""

import ast
from collections import defaultdict
from pathlib import Path

KINFOLK = Path(__file__).resolve().parents[2]

# Lowest first. An app may import only apps with a smaller number.
LAYERS = {
    "core": 0,  # areas, audit, forms, layout, the permission gate, registries, postcode geography
    "matching": 0,  # the matching engine: plain Python, no Django, no other Kinfolk app
    "accounts": 1,
    "notifications": 2,  # telling people, background work, recurring jobs
    "people": 3,
    "wellbeing": 4,
    "directory": 4,
    "social_prescribing": 5,
    "sharedlives": 6,
    "budgets": 6,  # personal budgets and their ledger; never imports sharedlives, nor it budgets
    "family_carers": 6,  # family carers' emergency plans and cards (not Shared Lives carers)
    "accountability": 7,  # holds the area to account: may read every service app's results
    "api": 8,  # mounts each app's router
    "home": 9,  # the hub and the demo area: may import everything, nothing imports it
    "config": 10,  # settings and the URL map
    "cli": 10,  # `kinfolk`, the command-line entry point
}

# Imports that still point up, in files other helpers of the renovation are rewriting at the same
# time ("path: imported module"). The lead empties this after merging; do not add to it.
NOT_YET: set[str] = set()


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "kinfolk" else None


def _imports(tree: ast.AST) -> list[str]:
    """Every absolute `kinfolk.<app>` module this file imports, at any depth of the file."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "kinfolk":
                found += [f"kinfolk.{alias.name}" for alias in node.names]
            else:
                found.append(node.module)
    return [module for module in found if _app_of(module)]


def _modules():
    """(path inside kinfolk/, its app) for every module that is not a test."""
    for path in sorted(KINFOLK.rglob("*.py")):
        name = path.relative_to(KINFOLK).as_posix()
        if "tests" in path.parts or path.name == "conftest.py":
            continue
        app = name.split("/")[0].removesuffix(".py")
        if app == "__init__":
            continue
        yield name, app, path


def _imports_between_apps():
    """(file, its app, imported module, imported app) for each import of another app."""
    for name, app, path in _modules():
        for module in _imports(ast.parse(path.read_text(), filename=name)):
            other = _app_of(module)
            if other != app:
                yield name, app, module, other


def test_every_app_has_a_place_in_the_layers():
    apps = {app for _, app, _ in _modules()}
    assert apps <= set(LAYERS), f"Give these a layer in LAYERS: {sorted(apps - set(LAYERS))}"


def test_imports_only_point_down():
    upward = [
        f"{name}: {module} ({app} is layer {LAYERS[app]}, {other} is layer {LAYERS[other]})"
        for name, app, module, other in _imports_between_apps()
        if LAYERS[other] >= LAYERS[app] and f"{name}: {module}" not in NOT_YET
    ]
    assert not upward, (
        "These imports point up or sideways; move the shared piece down, or register it with "
        "kinfolk.core.registries:\n" + "\n".join(upward)
    )


def test_no_two_apps_import_each_other():
    edges = defaultdict(list)
    for name, app, module, other in _imports_between_apps():
        if f"{name}: {module}" not in NOT_YET:
            edges[(app, other)].append(f"{name}: {module}")
    cycles = [
        f"{a} <-> {b}: {edges[(a, b)] + edges[(b, a)]}"
        for (a, b) in edges
        if a < b and (b, a) in edges
    ]
    assert not cycles, "Two apps import each other:\n" + "\n".join(cycles)


def test_the_not_yet_list_only_names_imports_that_are_still_there():
    present = {f"{name}: {module}" for name, _, module, _ in _imports_between_apps()}
    assert not NOT_YET - present, f"Take these off NOT_YET: {sorted(NOT_YET - present)}"


def test_the_reader_sees_imports_inside_functions():
    tree = ast.parse("def f():\n    from kinfolk.sharedlives.rules import can\n")
    assert _imports(tree) == ["kinfolk.sharedlives.rules"]
