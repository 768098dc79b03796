from django.apps import AppConfig


class PrescribingConfig(AppConfig):
    name = "kinfolk.prescribing"
    label = "prescribing"
    verbose_name = "Social prescribing"

    def ready(self):
        from .subject_access import register_parts

        register_parts()
