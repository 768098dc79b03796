import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kinfolk.accounts.models import Membership, User
from kinfolk.core.models import Area


def test_a_deployment_creates_its_area_and_first_admin(db, monkeypatch):
    monkeypatch.setattr(
        "kinfolk.accounts.management.commands.add_member.getpass",
        lambda prompt: "a-strong-first-password",
    )
    call_command("add_area", "Calder Vale", council="Calder Vale Council")
    call_command(
        "add_member", "Admin@Example.nhs.uk", "calder-vale", "area_admin", name="Helen Price"
    )
    user = User.objects.get(email="admin@example.nhs.uk")
    assert user.check_password("a-strong-first-password")
    assert Membership.objects.get(user=user).area == Area.objects.get(slug="calder-vale")


def test_add_member_refuses_weak_passwords_and_unknown_areas(db, monkeypatch):
    monkeypatch.setattr(
        "kinfolk.accounts.management.commands.add_member.getpass", lambda prompt: "short"
    )
    call_command("add_area", "Calder Vale")
    with pytest.raises(CommandError, match="too short"):
        call_command("add_member", "a@example.nhs.uk", "calder-vale", "area_admin")
    with pytest.raises(CommandError, match="no area"):
        call_command("add_member", "a@example.nhs.uk", "nowhere", "area_admin")
    assert not User.objects.exists()
