"""Remove for good what has been in the admin's bin longer than BIN_RETENTION_DAYS (run it
daily from cron or a scheduler; the bin's list also empties itself when opened)."""

from django.core.management.base import BaseCommand

from apps.core.versions import empty_bin


class Command(BaseCommand):
    help = "Remove for good the deleted items kept longer than BIN_RETENTION_DAYS."

    def handle(self, *args, **options):
        count = empty_bin()
        self.stdout.write(f"{count} item(s) removed from the bin for good.")
