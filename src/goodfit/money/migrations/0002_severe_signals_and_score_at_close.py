from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("money", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="worthscore",
            name="score",
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="worthscore",
            name="recommendation",
            field=models.CharField(
                choices=[
                    ("pursue", "Pursue"),
                    ("reset_terms", "Reset terms"),
                    ("walk_away", "Walk away"),
                    ("not_enough_history", "Not enough history yet"),
                ],
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="worthscore",
            name="severe",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="worthscore",
            name="missing",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="worthscore",
            name="at_close",
            field=models.BooleanField(default=False),
        ),
    ]
