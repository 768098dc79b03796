"""Print the demo sign-ins, so `make run` can show them."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand

from kinfolk.accounts.demo import DEMO_ACCOUNTS, demo_email


class Command(BaseCommand):
    help = "List the demo sign-ins and the shared demo password."

    def handle(self, *args, **options):
        self.stdout.write(f"\nDemo sign-ins (password: {settings.KINFOLK_DEMO_PASSWORD})")
        for role, name in DEMO_ACCOUNTS.items():
            self.stdout.write(f"  {demo_email(role):48} {role.label} ({name})")
        port = os.environ.get("PORT", "8000")
        self.stdout.write(f"Sign in at http://127.0.0.1:{port}/accounts/login/\n")
