import time

from django.core.management.base import BaseCommand

from apps.search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild every search document from the content, in bulk, with progress."

    def handle(self, *args, **options):
        started = time.monotonic()
        width = 30

        def progress(key, done, count):
            filled = width * done // count if count else width
            bar = "#" * filled + "-" * (width - filled)
            self.stdout.write(f"{key:<14} [{bar}] {done}/{count}")

        total = rebuild(progress)
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"{total} documents indexed in {seconds:.1f} s"))
