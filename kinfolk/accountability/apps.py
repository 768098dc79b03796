from django.apps import AppConfig


class AccountabilityConfig(AppConfig):
    name = "kinfolk.accountability"
    label = "accountability"
    verbose_name = "Accountability: commitments people can hold the area to"

    def ready(self):
        from kinfolk.core.registries import DemoPart, register_demo_part, register_home_cards
        from kinfolk.core.subject_access import holds_nothing_about_a_person

        from . import links, rules  # noqa: F401  (rules names the app's permissions)
        from .outcomes import setup as outcomes

        register_home_cards(self.label, links.home_cards)
        outcomes.register_parts()
        from .scores import setup as scores

        scores.register_parts()
        register_demo_part(DemoPart(self.label, f"{self.name}.demo.load_demo", order=95))
        for model in ("accountability.Commitment", "accountability.CommitmentUpdate"):
            holds_nothing_about_a_person(
                model,
                "what the area promised in public and its progress; the only person named is "
                "the staff member who recorded it, which is part of being accountable",
            )
