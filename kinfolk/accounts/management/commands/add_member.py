"""`kinfolk add-member EMAIL AREA ROLE`: give someone a role, creating their account if needed."""

from getpass import getpass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kinfolk.accounts.models import Membership, Role, User
from kinfolk.core.audit import audit_record
from kinfolk.core.models import Area, AuditAction


class Command(BaseCommand):
    help = "Give a user a role (e.g. the first area admin) in an area, creating the account."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("area", help="The area's slug")
        parser.add_argument("role", choices=[r.value for r in Role])
        parser.add_argument("--name", default="", help="Display name for a new account")

    def handle(self, *args, email, area, role, name="", **options):
        place = Area.objects.filter(slug=area).first()
        if place is None:
            raise CommandError(f"There is no area '{area}'. Create it with `kinfolk add-area`.")
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User(email=email.lower(), display_name=name or email.split("@")[0])
            password = getpass(f"Password for {email}: ")
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            user.set_password(password)
            user.save()
        membership, created = Membership.objects.get_or_create(user=user, area=place, role=role)
        if created:
            audit_record(
                actor=None,
                action=AuditAction.CREATE,
                target_type="membership",
                target_id=membership.pk,
                area=place,
                detail={"user": user.pk, "role": role, "via": "add-member"},
            )
        self.stdout.write(
            f"{user.email} is {'now' if created else 'already'} a "
            f"{Role(role).label.lower()} in {place.name}."
        )
