from django.db import migrations

from goodfit.search import schema


class Migration(migrations.Migration):
    dependencies = [("pipeline", "0003_deal_stage_totals_index")]

    operations = [migrations.RunPython(schema.create, schema.drop)]
