import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, custom format) and the media storage, with a manifest of "
        "checksums and row counts, into a new folder (var/backups/<UTC time>/ by default)."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", help="where to write it (must not exist)")

    def handle(self, *args, **options):
        if options["folder"]:
            target = Path(options["folder"])
        else:
            stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
            target = Path(settings.VAR_DIR) / "backups" / stamp
        try:
            manifest = backup(target)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {target}: {len(manifest['tables'])} tables, {rows} rows, "
                f"{len(manifest['media'])} media files."
            )
        )
