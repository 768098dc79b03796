"""The `kinfolk` command: Django's management commands with hyphenated names.

`kinfolk audit-verify` runs the `audit_verify` management command, and so on.
"""

import os
import sys


def main() -> None:
    """Run a Kinfolk management command."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.config.settings.local")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:]
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["kinfolk", *args])


if __name__ == "__main__":
    main()
