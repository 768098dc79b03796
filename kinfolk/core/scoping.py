"""Area-scoped querysets: every personal or area-owned row is read through its area."""

from django.db import models


class AreaScopedQuerySet(models.QuerySet):
    """A queryset that is narrowed to one area before anything is read."""

    def in_area(self, area) -> "AreaScopedQuerySet":
        """Rows that belong to this area only."""
        return self.filter(area=area)


class AreaOwned(models.Model):
    """An abstract model for rows that belong to one area."""

    area = models.ForeignKey("core.Area", on_delete=models.PROTECT, related_name="+")

    objects = AreaScopedQuerySet.as_manager()

    class Meta:
        abstract = True


def in_actors_area(actor, row) -> bool:
    """Whether a row belongs to the area the actor is acting in. Rows from any other area are
    answered as if they did not exist (404, never 403), so nobody learns that they do."""
    return actor.area is not None and row.area_id == actor.area.pk
