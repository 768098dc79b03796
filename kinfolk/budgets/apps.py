from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "kinfolk.budgets"
    label = "budgets"
    verbose_name = "Personal budgets and their ledger"

    def ready(self):
        from kinfolk.core.registries import (
            DemoPart,
            register_demo_part,
            register_home_cards,
            register_record_links,
        )

        from . import links, rules  # noqa: F401  (rules names the app's permissions)
        from .jobs import register_jobs
        from .subject_access import register_parts

        register_parts()
        register_jobs()
        register_home_cards(self.label, links.home_cards)
        register_record_links(self.label, links.record_links)
        register_demo_part(DemoPart(self.label, f"{self.name}.demo.load_demo", order=75))
