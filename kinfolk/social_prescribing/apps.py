from django.apps import AppConfig


class PrescribingConfig(AppConfig):
    name = "kinfolk.social_prescribing"
    label = "social_prescribing"
    verbose_name = "Social prescribing"

    def ready(self):
        from kinfolk.core.registries import DemoPart, register_demo_part, register_home_cards

        from . import links, rules  # noqa: F401  (rules names the app's permissions)
        from .notices import register_events
        from .reminders import register_reminders
        from .subject_access import register_parts

        register_parts()
        register_home_cards(self.label, links.home_cards)
        register_demo_part(DemoPart(self.label, f"{self.name}.demo.load_demo", order=60))
        register_reminders()
        register_events()
