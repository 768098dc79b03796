from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kinfolk.core"
    label = "core"
    verbose_name = "Kinfolk core"

    def ready(self):
        from .subject_access import register_core

        register_core()
