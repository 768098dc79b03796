from django.apps import AppConfig


class PrescribingConfig(AppConfig):
    name = "kinfolk.social_prescribing"
    label = "social_prescribing"
    verbose_name = "Social prescribing"

    def ready(self):
        from .notices import register_events
        from .reminders import register_reminders
        from .subject_access import register_parts

        register_parts()
        register_reminders()
        register_events()
