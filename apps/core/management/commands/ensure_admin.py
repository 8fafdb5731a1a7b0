import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the demo administrator account if it does not exist and print its random "
        "password once. Run with --reset to give it a new password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--reset", action="store_true", help="set and print a new password")

    def handle(self, *args, username, reset, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user and not reset:
            self.stdout.write(
                f"Admin account '{username}' exists (its password was printed when it was made; "
                "`make admin-password` prints a new one)."
            )
            return
        password = secrets.token_urlsafe(12)
        if user is None:
            user = User(username=username, email="", is_staff=True, is_superuser=True)
        user.set_password(password)
        user.save()
        self.stdout.write(self.style.SUCCESS(f"Admin account: {username}  password: {password}"))
