from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "kinfolk.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        from . import events, rules, schedules, subject_access  # noqa: F401 (rules registers)

        events.register_core_events()
        schedules.register_core_jobs()
        subject_access.register_parts()
