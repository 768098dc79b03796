from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "kinfolk.people"
    label = "people"

    def ready(self):
        from kinfolk.accounts.services.memberships import role_removed

        from .notices import register_events
        from .subject_access import register_parts

        register_parts()
        register_events()
        role_removed.connect(_allocations_end, dispatch_uid="people.allocations_end_for_role")


def _allocations_end(sender, *, actor, membership, **kwargs):
    """A role taken away ends the allocations made for it."""
    from .services import allocations_end_for_role

    allocations_end_for_role(actor=actor, membership=membership)
