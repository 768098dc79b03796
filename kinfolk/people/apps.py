from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "kinfolk.people"
    label = "people"

    def ready(self):
        from kinfolk.accounts.services.memberships import role_removed
        from kinfolk.core.registries import DemoPart, register_demo_part, register_home_cards

        from . import links, rules  # noqa: F401  (rules names the app's permissions)
        from .notices import register_events
        from .subject_access import register_parts

        register_parts()
        register_home_cards(self.label, links.home_cards)
        register_demo_part(DemoPart(self.label, f"{self.name}.demo.load_demo", order=20))
        register_events()
        role_removed.connect(_allocations_end, dispatch_uid="people.allocations_end_for_role")


def _allocations_end(sender, *, actor, membership, **kwargs):
    """A role taken away ends the allocations made for it."""
    from .services import allocations_end_for_role

    allocations_end_for_role(actor=actor, membership=membership)
