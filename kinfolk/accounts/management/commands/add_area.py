"""`kinfolk add-area`: create an area (a local system) for a new deployment."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from kinfolk.core.models import Area


class Command(BaseCommand):
    help = "Create an area: a council, NHS body and community working together."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--slug")
        parser.add_argument("--council", default="")
        parser.add_argument("--nhs-body", default="")

    def handle(self, *args, name, slug=None, council="", nhs_body="", **options):
        slug = slug or slugify(name)
        if Area.objects.filter(slug=slug).exists():
            raise CommandError(f"An area with slug '{slug}' already exists.")
        area = Area.objects.create(name=name, slug=slug, council=council, nhs_body=nhs_body)
        self.stdout.write(f"Created area '{area.name}' ({area.slug}).")
