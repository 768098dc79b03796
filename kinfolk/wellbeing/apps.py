from django.apps import AppConfig


class WellbeingConfig(AppConfig):
    name = "kinfolk.wellbeing"
    label = "wellbeing"
    verbose_name = "Wellbeing and the connection test"
