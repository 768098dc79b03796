"""Add one practice or team (by its ODS code) to an area's list for referrers."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kinfolk.core.models import Area
from kinfolk.social_prescribing.services import practice_record


class Command(BaseCommand):
    help = "Add a practice or team to an area's list (or rename it, by the same ODS code)."

    def add_arguments(self, parser):
        parser.add_argument("ods_code", help="The NHS ODS code, e.g. B82005")
        parser.add_argument("name", help="The name referrers see")
        parser.add_argument("--area", required=True, help="The area's slug")
        parser.add_argument("--postcode", default="")

    def handle(self, *args, ods_code, name, area, postcode, **options):
        place = Area.objects.filter(slug=area).first()
        if place is None:
            raise CommandError(f"No area called {area!r}.")
        try:
            practice = practice_record(area=place, ods_code=ods_code, name=name, postcode=postcode)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"{practice.name} ({practice.ods_code}) is on {place.name}'s list.")
