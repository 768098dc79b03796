from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate


def _arrangement_rules(sender, using="default", **kwargs):
    """SQLite drops a table's triggers when a migration rebuilds it: put the rules back."""
    from django.db import connections

    from .integrity import ensure_rules

    ensure_rules(connections[using])


def _lift_arrangement_rules(sender, using="default", **kwargs):
    """SQLite rebuilds a table to change it, and refuses while a trigger reads a table being
    rebuilt: lift the rules' triggers for the length of `migrate` (put back after it)."""
    from django.db import connections

    from .integrity import drop_rules

    if connections[using].vendor == "sqlite":
        drop_rules(connections[using])


class SharedLivesConfig(AppConfig):
    name = "kinfolk.sharedlives"
    label = "sharedlives"
    verbose_name = "Shared Lives"

    def ready(self):
        from kinfolk.core.registries import (
            DemoPart,
            register_demo_part,
            register_home_cards,
            register_record_links,
        )

        from . import links, rules  # noqa: F401  (rules names the app's permissions)
        from .diary.notices import register_events as register_diary_events
        from .notices import register_events
        from .overview.nightly import register_nightly_plan
        from .reminders import register_reminders
        from .statements import register_statements
        from .subject_access import register_parts

        register_parts()
        register_home_cards(self.label, links.home_cards)
        register_record_links(self.label, links.record_links)
        register_demo_part(DemoPart(self.label, f"{self.name}.demo.load_demo", order=30))
        register_reminders()
        register_nightly_plan()
        register_events()
        pre_migrate.connect(_lift_arrangement_rules, sender=self)
        post_migrate.connect(_arrangement_rules, sender=self)
        register_statements()
        from .carers.services import register_household_events

        register_household_events()
        register_diary_events()
