from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kinfolk.accounts"
    label = "accounts"

    def ready(self):
        from .subject_access import register_parts

        register_parts()
