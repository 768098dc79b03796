from django.apps import AppConfig


class SharedLivesConfig(AppConfig):
    name = "kinfolk.sharedlives"
    label = "sharedlives"
    verbose_name = "Shared Lives"
