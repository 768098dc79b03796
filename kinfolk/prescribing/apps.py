from django.apps import AppConfig


class PrescribingConfig(AppConfig):
    name = "kinfolk.prescribing"
    label = "prescribing"
    verbose_name = "Social prescribing"
