"""Reading commitments: the published tree anyone may read, the whole tree for commissioners,
and each commitment's progress rolled up from its parts."""

from dataclasses import dataclass, field
from datetime import date

from django.http import Http404

from kinfolk.core.models import Area
from kinfolk.core.permissions import require

from .models import FINISHED, NOT_COUNTED, Commitment, CommitmentUpdate, Status


@dataclass
class Node:
    """A commitment with its parts and the progress that rolls up from them."""

    commitment: Commitment
    children: list["Node"] = field(default_factory=list)
    progress: int = 0

    def walk(self, depth: int = 0):
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)


def rolled_up(node: Node) -> int:
    """A commitment's progress: its own if it has no parts; otherwise the weighted mean of its
    parts' progress, leaving out parts that were dropped (as Decidim's results do)."""
    for child in node.children:
        rolled_up(child)
    counted = [c for c in node.children if c.commitment.status not in NOT_COUNTED]
    if not counted:
        node.progress = node.commitment.progress
    else:
        total = sum(c.commitment.weight for c in counted)
        node.progress = round(sum(c.progress * c.commitment.weight for c in counted) / total)
    return node.progress


def _tree(commitments: list[Commitment]) -> list[Node]:
    nodes = {c.pk: Node(c) for c in commitments}
    roots = []
    for commitment in commitments:
        parent = nodes.get(commitment.parent_id)
        (parent.children if parent else roots).append(nodes[commitment.pk])
    for root in roots:
        rolled_up(root)
    return roots


def public_area(slug: str) -> Area:
    """The area whose published commitments are asked for, or 404."""
    area = Area.objects.filter(slug=slug).first()
    if area is None:
        raise Http404
    return area


def public_areas() -> list[Area]:
    """The areas whose commitments anyone may read (each area's page says if none are yet)."""
    return list(Area.objects.order_by("name"))


def published_tree(*, area: Area) -> list[Node]:
    """The area's published commitments as a tree (a part shows only if it is published)."""
    published = Commitment.objects.in_area(area).filter(published_at__isnull=False)
    published = published.select_related("parent")
    return _tree(list(published))


def published_commitment(*, area: Area, commitment_id: int) -> tuple[Node, list[CommitmentUpdate]]:
    """One published commitment with its published parts and its timeline, or 404."""
    for root in published_tree(area=area):
        for node, _ in root.walk():
            if node.commitment.pk == commitment_id:
                updates = list(node.commitment.updates.select_related("recorded_by"))
                return node, updates
    raise Http404


def whole_tree(*, actor) -> list[Node]:
    """Every commitment of the commissioner's area, drafts too."""
    require(actor, "accountability.manage_commitments")
    return _tree(list(Commitment.objects.in_area(actor.area).select_related("parent")))


def commitment_get(*, actor, commitment_id: int) -> Commitment:
    """A commitment the commissioner may change (404 for another area's)."""
    commitment = Commitment.objects.filter(pk=commitment_id).first()
    if commitment is None or commitment.area_id != getattr(actor.area, "pk", None):
        raise Http404
    require(actor, "accountability.change_commitment", commitment)
    return commitment


def is_late(commitment: Commitment, today: date) -> bool:
    """Past its date and neither done nor dropped."""
    return commitment.by_when < today and commitment.status not in FINISHED


def summary(roots: list[Node], today: date) -> dict:
    """How many commitments there are, how many done, and how many late."""
    every = [node.commitment for root in roots for node, _ in root.walk()]
    return {
        "all": len(every),
        "done": sum(1 for c in every if c.status == Status.DONE),
        "late": sum(1 for c in every if is_late(c, today)),
    }
