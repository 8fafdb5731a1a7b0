from django.core.management.base import BaseCommand

from apps.care.services import contact_requests_retry


class Command(BaseCommand):
    help = "Send again the contact requests whose email failed (run it every few minutes)."

    def handle(self, *args, **options):
        sent, failed = contact_requests_retry()
        self.stdout.write(f"Contact requests sent: {sent}; still failing: {failed}.")
