"""`kinfolk demo`: load the synthetic demo area (idempotent)."""

from django.core.management.base import BaseCommand, CommandError

from kinfolk.home.demo import DemoRefused, demo_load


class Command(BaseCommand):
    help = "Load a deterministic synthetic demo area with made-up people and staff in every role."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1)")
        parser.add_argument("--people", type=int, default=200, help="People (default 200)")
        parser.add_argument("--carers", type=int, default=120, help="Carers (default 120)")

    def handle(self, *args, seed, people, carers, **options):
        if people < 1 or carers < 1:
            raise CommandError("--people and --carers must be at least 1.")
        self.stdout.write(f"Loading the demo area (seed {seed}) ...")
        try:
            summary = demo_load(seed=seed, people=people, carers=carers)
        except DemoRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        state = "created" if summary.created else "already loaded; demo sign-ins refreshed"
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo area '{summary.area}' {state}: {summary.people} people, {summary.carers} "
                f"Shared Lives carers, {summary.staff} staff memberships."
            )
        )
