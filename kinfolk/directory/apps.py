from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _search_index(sender, using="default", **kwargs):
    """SQLite drops triggers when a migration rebuilds a table: put the search index back."""
    from django.db import connections

    from .search import ensure_index

    ensure_index(connections[using])


class DirectoryConfig(AppConfig):
    name = "kinfolk.directory"
    label = "directory"
    verbose_name = "Community directory (Open Referral UK)"

    def ready(self):
        from kinfolk.core.registries import DemoPart, register_demo_part, register_home_cards

        from . import links, rules  # noqa: F401  (rules names the app's permissions)
        from .notices import register_events
        from .reminders import register_reminders
        from .subject_access import register_parts

        register_parts()
        register_home_cards(self.label, links.home_cards)
        register_demo_part(DemoPart(self.label, f"{self.name}.demo.load_demo", order=50))
        register_reminders()
        register_events()
        post_migrate.connect(_search_index, sender=self)
