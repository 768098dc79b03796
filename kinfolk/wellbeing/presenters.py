"""'How I'm doing': measures over time with what they mean, the circle, the check-ins.

Presenters only present: the view reads (circles come with their members) and asks the gate, and
passes the answers in."""

from dataclasses import dataclass

from .charts import LABEL_ROOM, RING_RADII, SIZE, circle_map, line_chart
from .models import CareActArea, Ring

MEANINGS = {
    "life_satisfaction": "How satisfied you are with life, from 0 to 10. Higher is better.",
    "ucla3": "How lonely you feel, from 3 (hardly ever) to 9 (often). Lower is better.",
    "lsns6": "How many family and friends you can turn to, from 0 to 30. Below 12 can mean "
    "being cut off.",
    "swemwbs": "Mental wellbeing, from 7 to 35. Higher is better; most people score about 23.5.",
}


@dataclass
class HowImDoing:
    """The 'How I'm doing' page. `own`: the person is looking at their own page; `can_record`
    and `can_choose`: what the gate answered for whoever is looking."""

    person: object
    responses: list
    check_ins: list
    circles: list
    own: bool = False
    can_record: bool = False
    can_choose: bool = False

    @property
    def heading(self) -> str:
        return "How I'm doing" if self.own else f"How {self.person.called} is doing"

    def _series(self, measure: str, value):
        return [
            (r.completed_at.strftime("%b %Y"), value(r.score))
            for r in self.responses
            if r.measure == measure
        ]

    @property
    def charts(self) -> list:
        specs = [
            ("ons4", "Life satisfaction", lambda s: s["life_satisfaction"]["value"], 0, 10,
             MEANINGS["life_satisfaction"]),
            ("loneliness", "Loneliness", lambda s: s["ucla3"], 3, 9, MEANINGS["ucla3"]),
            ("lsns6", "Family and friends", lambda s: s["total"], 0, 30, MEANINGS["lsns6"]),
            ("swemwbs", "Mental wellbeing", lambda s: s["metric"], 7, 35, MEANINGS["swemwbs"]),
        ]  # fmt: skip
        charts = []
        for measure, title, value, low, high, meaning in specs:
            series = self._series(measure, value)
            if series:
                charts.append(line_chart(title, series, low, high, meaning))
        return charts

    @property
    def latest_ons4(self):
        found = [r for r in self.responses if r.measure == "ons4"]
        return found[-1] if found else None

    @property
    def circle(self):
        return self.circles[-1] if self.circles else None

    @property
    def circle_points(self):
        return circle_map(list(self.circle.members.all())) if self.circle else []

    @property
    def ring_radii(self):
        return [(Ring(r).label, radius) for r, radius in RING_RADII.items()]

    size = SIZE
    label_room = LABEL_ROOM

    @property
    def circle_change(self) -> str | None:
        """What changed between the first and the latest circle, in words."""
        if len(self.circles) < 2:
            return None
        first, last = self.circles[0], self.circles[-1]
        before = {m.key: m for m in first.members.all()}
        after = {m.key: m for m in last.members.all()}
        made, lost = after.keys() - before.keys(), before.keys() - after.keys()
        unpaid = sum(not m.paid for m in after.values()) - sum(not m.paid for m in before.values())
        return (
            f"Since {first.taken_on:%-d %B %Y}: {len(made)} new, {len(lost)} no longer in the "
            f"circle; unpaid relationships {unpaid:+d}."
        )

    @property
    def easy_lines(self) -> list[tuple[str, str, str]]:
        """How I'm doing, in easy read: (picture, alt text, sentence). Only the latest answers,
        in short sentences; the usual page has the charts."""
        me = "I" if self.own else self.person.called
        my = "my" if self.own else "their"
        lines = []
        if self.latest_ons4:
            value = self.latest_ons4.score["life_satisfaction"]["value"]
            face = (
                ("1F60A", "A smiling face")
                if value >= 7
                else ("1F610", "A face with a straight mouth")
                if value >= 5
                else ("1F61E", "A sad face")
            )
            when = f"{self.latest_ons4.completed_at:%-d %B %Y}"
            lines.append((*face, f"On {when}, {me} said {my} life is {value} out of 10."))
        if self.circle:
            count = len(self.circle.members.all())
            unpaid = sum(not m.paid for m in self.circle.members.all())
            lines.append(("1F465", "A group of people", f"{count} people are in {my} circle."))
            lines.append(
                ("2764", "A heart", f"{unpaid} of them are family, friends or neighbours.")
            )
        if self.check_ins:
            last = self.check_ins[-1].checked_in_at
            lines.append(
                ("1F4C5", "A calendar", f"{my.capitalize()} last check-in was on {last:%-d %B %Y}.")
            )
        if not lines:
            lines.append(("1F4DD", "A page and pencil", "Nothing is written down yet."))
        return lines

    @property
    def check_in_rows(self):
        labels = dict(CareActArea.choices)
        return [(c, [(labels[a], v) for a, v in c.areas.items()]) for c in reversed(self.check_ins)]
