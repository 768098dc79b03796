from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The hub: the home page and the demo area. It may import every app; nothing imports it."""

    name = "kinfolk.home"
    label = "home"
    verbose_name = "Home and the demo area"
