import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.core.scale import INSTITUTE, SEED, Scale, analyze, foreign_content, generate


class Command(BaseCommand):
    help = (
        "Fill the database with bilingual content at institute scale (500 teams, 10,000 people, "
        "15,000 memberships, 20,000 publications, 30,000 articles, 3,000 events, 1,000 pages, "
        "500 trials), marked as sample content. Refuses a database holding content it did not "
        "make unless --add-to-existing is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--add-to-existing",
            action="store_true",
            help="also write into a database that holds other content (the demo, say)",
        )
        parser.add_argument(
            "--fraction",
            type=float,
            default=1.0,
            help="a share of the institute's counts (0.25 for a quarter); default 1",
        )
        parser.add_argument("--seed", type=int, default=SEED)
        parser.add_argument("--no-index", action="store_true", help="skip the search index")

    def handle(self, *args, **options):
        fraction = options["fraction"]
        if not 0 < fraction <= 4:
            raise CommandError("--fraction must be more than 0 and at most 4.")
        others = foreign_content()
        if others and not options["add_to_existing"]:
            listed = ", ".join(f"{count} {label}" for label, count in sorted(others.items()))
            raise CommandError(
                f"This database holds content the generator did not make ({listed}). "
                "Use a database of its own, or --add-to-existing to write into this one."
            )
        scale = Scale(
            **{name: round(value * fraction) for name, value in INSTITUTE.__dict__.items()}
        )
        started = time.monotonic()
        tty = self.stdout.isatty() if hasattr(self.stdout, "isatty") else sys.stdout.isatty()
        with transaction.atomic():
            timings = generate(
                scale, seed=options["seed"], index=not options["no_index"], report=self._bar(tty)
            )
        analyze()
        seconds = time.monotonic() - started
        steps = ", ".join(f"{key} {value:.0f} s" for key, value in timings.items())
        self.stdout.write(self.style.SUCCESS(f"Scale data generated in {seconds:.0f} s ({steps})."))

    def _bar(self, tty: bool):
        width = 30
        last = {}

        def report(label: str, done: int, total: int) -> None:
            filled = width * done // total if total else width
            line = f"{label:<22} [{'#' * filled}{'-' * (width - filled)}] {done}/{total}"
            finished = done >= total
            if tty:
                self.stdout.write(f"\r{line}", ending="\n" if finished else "")
                self.stdout.flush()
            elif finished or last.get(label, -1) < 0:
                # A log, not a terminal: the start and the end of each step.
                self.stdout.write(line)
            last[label] = done

        return report
