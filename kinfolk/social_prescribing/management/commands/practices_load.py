"""Load an area's GP practices from the NHS ODS `epraccur` CSV: all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinfolk.core.models import Area
from kinfolk.social_prescribing.practices import Problems, practices_load


class Command(BaseCommand):
    help = (
        "Load GP practices (NHS ODS epraccur.csv: code, name, postcode, status) into an area's "
        "list for referrers. Every problem is listed; nothing is loaded if there is one."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="epraccur.csv (no header row)")
        parser.add_argument("--area", required=True, help="The area's slug")
        parser.add_argument(
            "--postcode", action="append", default=[],
            help="Keep only practices whose postcode starts with this outward code or area "
            "(e.g. HX or HD6); give it again for more. Without it every row is loaded.",
        )  # fmt: skip

    def handle(self, *args, path, area, postcode, **options):
        place = Area.objects.filter(slug=area).first()
        if place is None:
            raise CommandError(f"No area called {area!r}.")
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"{path} does not exist.")
        try:
            text = source.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            raise CommandError(f"Nothing was loaded: {path} is not UTF-8 text.") from error
        try:
            loaded = practices_load(area=place, text=text, postcode_prefixes=postcode)
        except Problems as problems:
            raise CommandError(f"Nothing was loaded.\n{problems}") from problems
        self.stdout.write(
            f"{place.name}: {loaded['offered']} practices offered to referrers, "
            f"{loaded['not offered']} closed or dormant (not offered), "
            f"{loaded['left out']} outside the area left out."
        )
