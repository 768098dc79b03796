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
