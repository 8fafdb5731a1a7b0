from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_history_into_versions"),
    ]

    operations = [
        migrations.DeleteModel(name="HistoricalSiteSettings"),
    ]
