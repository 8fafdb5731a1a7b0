from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.care.services import contact_requests_purge


class Command(BaseCommand):
    help = "Delete the contact requests older than the retention period (default 12 months)."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=settings.CONTACT_RETENTION_MONTHS)

    def handle(self, *args, months, **options):
        if months < 1:
            raise CommandError("--months must be 1 or more.")
        deleted = contact_requests_purge(months=months)
        self.stdout.write(f"Contact requests deleted: {deleted} (older than {months} months).")
