"""Export the published directory as an ORUK JSON feed or a datapackage of CSVs."""

from pathlib import Path

from django.core.management.base import BaseCommand

from kinfolk.directory import feeds, selectors


class Command(BaseCommand):
    help = "Export published services: PATH ending .json gives JSON, .zip a datapackage."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        services = list(selectors.full_services())
        target = Path(path)
        if target.suffix == ".zip":
            feeds.export_datapackage(services, target)
        else:
            target.write_text(feeds.export_json(services), encoding="utf-8")
        self.stdout.write(f"Exported {len(services)} services to {target}.")
