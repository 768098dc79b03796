from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "kinfolk.people"
    label = "people"

    def ready(self):
        from .subject_access import register_parts

        register_parts()
