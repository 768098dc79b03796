from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "kinfolk.directory"
    label = "directory"
    verbose_name = "Community directory (Open Referral UK)"

    def ready(self):
        from .subject_access import register_parts

        register_parts()
