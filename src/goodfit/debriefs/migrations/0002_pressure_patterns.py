"""Pressure patterns replace the phrase list.

A team's phrases that were not among the old defaults become the team's own patterns
(argue → pushing past a no, guilt → guilt, pressure → deadline); a team that had
emptied its list, to flag nothing, gets every default switched off. Then the list goes.
"""

import re

import django.db.models.deletion
from django.utils import timezone
from django.conf import settings
from django.db import migrations, models


OLD_DEFAULT_PHRASES = {
    "you're making a mistake", "you are making a mistake", "big mistake", "are you sure",
    "reconsider", "you don't understand", "you should have", "you'll regret",
    "you will regret", "after all the time", "waste of time", "disappointed", "let me down",
    "last chance", "only today", "today only", "final offer", "act now", "limited time",
    "offer expires", "before it's too late", "don't miss out", "if you sign today",
}
FAMILY_OF_KIND = {"argue": "past_no", "guilt": "guilt", "pressure": "deadline"}


def _as_pattern(phrase):
    """Old phrases were literal words: keep the words, drop what the syntax reads."""
    return " ".join(re.findall(r"[\w'’]+", phrase))[:200]


def phrases_to_patterns(apps, schema_editor):
    from goodfit.debriefs.domain.pressure_families import DEFAULT_PATTERNS
    from goodfit.debriefs.domain.pressure_syntax import pattern_error

    DebriefSettings = apps.get_model("debriefs", "DebriefSettings")
    PressurePattern = apps.get_model("debriefs", "PressurePattern")
    now = timezone.now()
    for row in DebriefSettings.objects.all():
        rules = [r for r in (row.lint_rules or []) if isinstance(r, dict)]
        if not rules:
            for rule in DEFAULT_PATTERNS:
                PressurePattern.objects.create(
                    team_id=row.team_id, builtin_key=rule.key, family=rule.family,
                    pattern=rule.pattern, suggestion=rule.suggestion, is_active=False,
                    created_at=now, updated_at=now,
                )
            continue
        for rule in rules:
            phrase = " ".join(str(rule.get("phrase", "")).lower().split())
            pattern = _as_pattern(phrase)
            if not pattern or phrase in OLD_DEFAULT_PHRASES or pattern_error(pattern):
                continue
            PressurePattern.objects.create(
                team_id=row.team_id,
                family=FAMILY_OF_KIND.get(str(rule.get("kind")), "deadline"),
                pattern=pattern, reason=str(rule.get("reason", ""))[:300],
                suggestion=str(rule.get("rewrite", ""))[:300], created_at=now, updated_at=now,
            )


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('debriefs', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PressurePattern',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('builtin_key', models.CharField(blank=True, max_length=60)),
                ('family', models.CharField(choices=[('deadline', 'Deadline and urgency'), ('price', 'Price threat'), ('scarcity', 'Scarcity'), ('guilt', 'Guilt and obligation'), ('fear', 'Fear'), ('assumptive', 'Assumptive close'), ('past_no', 'Pushing past a no')], max_length=16)),
                ('pattern', models.CharField(max_length=200)),
                ('reason', models.CharField(blank=True, max_length=300)),
                ('suggestion', models.CharField(blank=True, max_length=300)),
                ('is_active', models.BooleanField(default=True)),
                ('created_at', models.DateTimeField()),
                ('updated_at', models.DateTimeField()),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('team', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='pressure_patterns', to='core.team')),
            ],
            options={
                'ordering': ['family', 'id'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('builtin_key', ''), _negated=True), fields=('team', 'builtin_key'), name='pressure_pattern_default_unique')],
            },
        ),
        migrations.RunPython(phrases_to_patterns, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='debriefsettings',
            name='lint_rules',
        ),
    ]
