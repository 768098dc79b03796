from django.apps import AppConfig


class FamilyCarersConfig(AppConfig):
    name = "kinfolk.family_carers"
    label = "family_carers"
    verbose_name = "Family carers: emergency plans and cards"

    def ready(self):
        from kinfolk.core.registries import (
            DemoPart,
            register_demo_part,
            register_home_cards,
            register_record_links,
        )

        from . import links, rules  # noqa: F401  (rules names the app's permissions)
        from .concerns import setup as concerns
        from .equipment import setup as equipment
        from .notices import register_events
        from .subject_access import register_parts

        register_parts()
        register_events()
        concerns.register_parts()
        equipment.register_parts()
        register_home_cards(self.label, links.home_cards)
        register_record_links(self.label, links.record_links)
        register_demo_part(DemoPart(self.label, f"{self.name}.demo.load_demo", order=70))
