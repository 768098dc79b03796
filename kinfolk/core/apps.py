from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "kinfolk.core"
    label = "core"
    verbose_name = "Kinfolk core"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .subject_access import register_core

        register_core()
        post_migrate.connect(_start_the_audit_chain, sender=self)
        _raise_the_area_wall(self)


def _raise_the_area_wall(config):
    """On PostgreSQL, row-level security between areas (kinfolk/core/tenancy.py, ADR 0023):
    every new connection says which area it works in, and `migrate` walls new tables."""
    from django.db.backends.signals import connection_created

    from . import tenancy

    connection_created.connect(tenancy.on_new_connection, dispatch_uid="kinfolk.area_wall")
    post_migrate.connect(tenancy.build_the_wall, sender=config, dispatch_uid="kinfolk.area_wall")


def _start_the_audit_chain(sender, using, **kwargs):
    """`migrate` (and the test suite's flush) creates the chain head of an empty audit log.

    The head is never created anywhere else once entries exist, so a missing head is always
    a sign of tampering (ADR 0004).
    """
    from .audit import start_chain

    start_chain(using=using)
