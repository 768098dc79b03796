"""Load the SWEMWBS item wording an area's organisation is licensed to use (University of
Warwick). The wording belongs to that area: other areas never see it."""

import json

from django.core.management.base import BaseCommand, CommandError

from kinfolk.core.models import Area
from kinfolk.core.text import visible_text
from kinfolk.wellbeing.models import LicensedWording
from kinfolk.wellbeing.scoring import SWEMWBS_ITEMS


class Command(BaseCommand):
    help = (
        "Load licensed SWEMWBS wording from a JSON file "
        '{"item_1": "...", ..., "item_7": "..."}. Without it the measure is unavailable.'
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--licensee", required=True, help="Who holds the licence")
        parser.add_argument(
            "--area", required=True, help="The slug of the area whose licence this is"
        )

    def handle(self, *args, file, licensee, area, **options):
        place = Area.objects.filter(slug=area).first()
        if place is None:
            raise CommandError(f"No area called {area!r}.")
        try:
            with open(file, encoding="utf-8") as handle:
                items = json.load(handle)
        except (OSError, json.JSONDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        if (
            not isinstance(items, dict)
            or set(items) != set(SWEMWBS_ITEMS)
            or not all(isinstance(v, str) and visible_text(v) for v in items.values())
        ):
            raise CommandError("The file must give wording for exactly item_1 to item_7.")
        if any("\x00" in v for v in items.values()):
            raise CommandError("The wording contains a NUL character (\\0): remove it.")
        items = {k: visible_text(v) for k, v in items.items()}
        LicensedWording.objects.update_or_create(
            area=place, measure="swemwbs", defaults={"items": items, "licensee": licensee.strip()}
        )
        self.stdout.write(f"SWEMWBS wording loaded for {licensee}, for {place.name} only.")
