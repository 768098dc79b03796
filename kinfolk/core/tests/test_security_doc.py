"""docs/security.md names the tests that prove each protection: every one it names exists."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DOC = ROOT / "docs" / "security.md"


def _named_tests() -> list[tuple[str, str]]:
    """(file, test) pairs the doc names; `::test_x` after a file means that file's test."""
    pairs, current = [], None
    for token in re.findall(r"`([^`]+)`", DOC.read_text()):
        match = re.fullmatch(r"((?:[a-z_]+/)*test_[a-z0-9_]+\.py)?(?:::(test_[a-z0-9_]+))?", token)
        if not match or not any(match.groups()):
            continue
        path, test = match.groups()
        if path:
            current = path
        if test:
            pairs.append((current, test))
    return pairs


def test_every_test_the_security_page_names_exists():
    pairs = _named_tests()
    assert len(pairs) > 40
    missing = []
    for path, test in pairs:
        found = list((ROOT / "kinfolk").glob(f"**/{path}")) if path else []
        if not any(f"def {test}(" in candidate.read_text() for candidate in found):
            missing.append(f"{path}::{test}")
    assert not missing, missing


def test_every_test_file_the_security_page_names_exists():
    files = set(re.findall(r"`((?:[a-z_]+/)*test_[a-z0-9_]+\.py)", DOC.read_text()))
    missing = [f for f in files if not list((ROOT / "kinfolk").glob(f"**/{f}"))]
    assert not missing, missing
