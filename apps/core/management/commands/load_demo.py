from django.core.management.base import BaseCommand
from django.db import transaction

from apps.core.registry import demo_loaders


class Command(BaseCommand):
    help = (
        "Create the demo content of every app. Idempotent: only what is missing is created, "
        "and nothing an editor changed is overwritten."
    )

    def handle(self, *args, **options):
        created = []
        with transaction.atomic():
            for loader in demo_loaders():
                created += [f"{loader.key}: {line}" for line in loader.load()]
        if created:
            for line in created:
                self.stdout.write(f"  created {line}")
            self.stdout.write(self.style.SUCCESS(f"Demo content: {len(created)} objects created."))
        else:
            self.stdout.write("Demo content already present: nothing changed.")
