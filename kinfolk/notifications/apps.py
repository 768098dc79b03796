from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "kinfolk.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        from kinfolk.core.registries import DemoPart, register_demo_part, register_home_cards

        from . import events, failures, links, rules, schedules, subject_access  # noqa: F401

        register_home_cards(self.label, links.home_cards)
        register_demo_part(DemoPart(self.label, f"{self.name}.demo.load_demo", order=90))
        events.register_core_events()
        schedules.register_core_jobs()
        subject_access.register_parts()
        failures.listen()
