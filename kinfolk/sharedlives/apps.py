from django.apps import AppConfig


class SharedLivesConfig(AppConfig):
    name = "kinfolk.sharedlives"
    label = "sharedlives"
    verbose_name = "Shared Lives"

    def ready(self):
        from .notices import register_events
        from .reminders import register_reminders
        from .subject_access import register_parts

        register_parts()
        register_reminders()
        register_events()
