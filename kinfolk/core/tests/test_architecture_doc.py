"""docs/architecture.md and the ADRs stay true to the code they describe."""

import re
from pathlib import Path

from kinfolk.core.tests.test_layers import LAYERS

ROOT = Path(__file__).resolve().parents[3]
ARCHITECTURE = ROOT / "docs" / "architecture.md"


def test_every_test_the_architecture_names_exists():
    named = set(re.findall(r"`(kinfolk/[\w/]+\.py)`", ARCHITECTURE.read_text()))
    assert named, "docs/architecture.md names the tests that enforce it"
    assert not [path for path in named if not (ROOT / path).exists()]


def test_the_layers_table_says_what_the_layer_test_checks():
    rows = re.findall(r"^\| (\d+) \| ([^|]+) \|", ARCHITECTURE.read_text(), re.MULTILINE)
    documented = {app.strip("` "): int(layer) for layer, apps in rows for app in apps.split(",")}
    assert documented == LAYERS


def test_the_readme_leads_to_the_architecture():
    assert "docs/architecture.md" in (ROOT / "README.md").read_text()


def test_every_decision_records_the_options_considered():
    missing = [
        adr.name
        for adr in sorted((ROOT / "docs" / "adr").glob("*.md"))
        if "\n## Options considered\n" not in adr.read_text()
    ]
    assert not missing, f"Add an 'Options considered' section to: {missing}"
