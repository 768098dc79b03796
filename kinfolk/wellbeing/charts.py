"""Charts drawn as plain SVG on the server: readable without scripts, with a table beside."""

import math
from dataclasses import dataclass

WIDTH, HEIGHT, PAD = 400, 210, 40


@dataclass(frozen=True)
class LineChart:
    title: str
    description: str
    points: list  # (x, y, label, value)
    y_ticks: list  # (y, label)
    x_labels: list  # (x, label)

    @property
    def polyline(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in self.points)

    width: int = WIDTH
    height: int = HEIGHT


def line_chart(title: str, series: list[tuple[str, float]], low: float, high: float, meaning: str):
    """A line through (label, value) pairs, on a fixed scale from low to high."""
    n = len(series)
    span = (high - low) or 1

    def x(i):
        return PAD + (WIDTH - 2 * PAD) * (i / (n - 1) if n > 1 else 0.5)

    def y(v):
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * (v - low) / span

    points = [(x(i), y(v), label, v) for i, (label, v) in enumerate(series)]
    ticks = [(y(v), f"{v:g}") for v in (low, low + span / 2, high)]
    step = max(1, math.ceil(n / 4))
    labels = [(x(i), label) for i, (label, _) in enumerate(series) if i % step == 0]
    latest = f" The latest is {series[-1][1]:g} ({series[-1][0]})." if series else ""
    return LineChart(title, meaning + latest, points, ticks, labels)


@dataclass(frozen=True)
class MapPoint:
    name: str
    who: str
    ring: int
    paid: bool
    x: float
    y: float

    @property
    def label_anchor(self) -> str:
        """Labels sit beside dots on the left and right, above dots near the middle."""
        offset = self.x - SIZE / 2
        return "start" if offset > 40 else "end" if offset < -40 else "middle"

    @property
    def label_x(self) -> float:
        return self.x + {"start": 11, "end": -11, "middle": 0}[self.label_anchor]

    @property
    def label_y(self) -> float:
        return self.y + 6 if self.label_anchor != "middle" else self.y - 13


RING_RADII = {1: 62, 2: 112, 3: 162}
SIZE = 360
# Room either side of the rings for names, so none is cut off.
LABEL_ROOM = 100


def circle_map(members) -> list[MapPoint]:
    """Where each person sits: on their ring, spread evenly around it."""
    centre = SIZE / 2
    points = []
    for ring, radius in RING_RADII.items():
        on_ring = [m for m in members if m.ring == ring]
        for n, m in enumerate(on_ring):
            angle = 2 * math.pi * n / max(1, len(on_ring)) - math.pi / 2 + ring * 0.4
            points.append(
                MapPoint(
                    m.name,
                    m.get_who_display(),
                    ring,
                    m.paid,
                    centre + radius * math.cos(angle),
                    centre + radius * math.sin(angle),
                )  # fmt: skip
            )
    return points
