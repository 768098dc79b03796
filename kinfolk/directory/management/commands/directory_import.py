"""Import an Open Referral UK feed (saved JSON, or a datapackage of CSVs): all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinfolk.core.models import Area
from kinfolk.directory import feeds


class Command(BaseCommand):
    help = "Import an ORUK feed into an area's directory. Every problem is listed; nothing is "
    "written if there is one."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A .json feed, a datapackage .zip, or a folder of CSVs")
        parser.add_argument("--area", required=True, help="The area's slug")

    def handle(self, *args, path, area, **options):
        place = Area.objects.filter(slug=area).first()
        if place is None:
            raise CommandError(f"No area called {area!r}.")
        source = Path(path)
        if not source.exists():
            raise CommandError(f"{path} does not exist.")
        try:
            if source.suffix == ".json":
                services = feeds.read_json_feed(source)
            else:
                services = feeds.services_from_datapackage(feeds.read_datapackage(source))
            count = feeds.import_services(services, place)
        except feeds.Problems as problems:
            raise CommandError(f"Nothing was imported. {problems}") from problems
        self.stdout.write(f"Imported {count} services into {place.name}.")
