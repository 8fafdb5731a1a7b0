from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup` into an empty database and an empty media storage: "
        "checksums checked first, row counts compared after."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the backup's folder (with its manifest.json)")

    def handle(self, *args, **options):
        try:
            differ = restore(Path(options["folder"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if differ:
            listed = ", ".join(f"{t}: {a} in the manifest, {b} now" for t, (a, b) in differ.items())
            raise CommandError(f"Restored, but row counts differ: {listed}")
        self.stdout.write(self.style.SUCCESS("Restored; every table has its rows."))
