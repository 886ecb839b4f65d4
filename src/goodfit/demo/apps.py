from django.apps import AppConfig


class DemoConfig(AppConfig):
    """No models: it adds the `demo` command, which loads every capability's demo data."""

    name = "goodfit.demo"
    label = "demo"
    verbose_name = "Demo data"
