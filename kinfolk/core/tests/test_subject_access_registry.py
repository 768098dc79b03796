"""Every model is either part of a person's subject access and erasure, or declared not to be.

Each app registers its part from its AppConfig.ready(); a table added without a decision
fails here before it can be forgotten when someone asks for their data or to be erased.
"""

import re
from pathlib import Path

from django.apps import apps

from kinfolk.core import subject_access

PACKAGE = Path(__file__).resolve().parents[2]


def test_every_model_is_covered_or_declared_free_of_personal_data():
    assert subject_access.uncovered_models() == [], (
        "Add these models to their app's subject access Part, or declare with a reason that "
        "they hold nothing about a person (kinfolk.core.subject_access)."
    )


def test_the_check_fails_for_a_model_nobody_declared(monkeypatch):
    declared = subject_access.declared_without_personal_data()
    declared.pop("core.Area")
    monkeypatch.setattr(subject_access, "_not_about_a_person", declared)
    assert subject_access.uncovered_models() == ["core.Area"]


def test_every_declaration_names_a_real_model_once_with_a_reason():
    installed = {model._meta.label for model in apps.get_models()}
    covered = [label for part in subject_access.parts() for label in part.models]
    declared = subject_access.declared_without_personal_data()
    assert len(covered) == len(set(covered)), "a model is in two parts"
    assert set(covered) <= installed and set(declared) <= installed
    assert not set(covered) & set(declared)
    assert all(len(reason) > 10 for reason in declared.values())


def test_the_parts_that_hold_a_persons_data():
    keys = {part.key for part in subject_access.parts()}
    assert {"person", "consents", "workers", "emergency_access", "account", "audit",
            "shared_lives", "wellbeing", "social_prescribing", "directory"} <= keys  # fmt: skip
    order = [part.key for part in subject_access.parts()]
    # The account is closed while the record still says whose it is; the record goes last.
    assert order[0] == "account" and order.index("person") > order.index("social_prescribing")


def test_people_imports_no_app_above_it_to_find_the_parts():
    source = (PACKAGE / "people" / "subject_access.py").read_text()
    above = re.findall(r"kinfolk\.(sharedlives|wellbeing|social_prescribing|directory)", source)
    assert above == []
