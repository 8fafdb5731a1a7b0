from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """A small app used only by the tests, to exercise the shared bases of apps.core."""

    name = "tests.testapp"
    label = "testapp"
