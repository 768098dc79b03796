from django.apps import AppConfig


class WellbeingConfig(AppConfig):
    name = "kinfolk.wellbeing"
    label = "wellbeing"
    verbose_name = "Wellbeing and the connection test"

    def ready(self):
        from .subject_access import register_parts

        register_parts()
