"""`goodfit playbook import/export` and `goodfit rediagnose`, and the background task."""

from __future__ import annotations

import json

import pytest
import yaml

from goodfit import cli
from goodfit.fit.models import Diagnosis, PlaybookVersion
from goodfit.fit.services import answers_save, playbook_save
from goodfit.fit.services.rediagnose import rediagnose_offering_deals
from tests.fit.playbooks import debt_document


def run(capsys, *argv):
    try:
        code = cli.main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def test_import_saves_a_version(capsys, tmp_path, offering, alternatives):
    path = tmp_path / "playbook.yaml"
    path.write_text(yaml.safe_dump(debt_document()))
    code, out, _ = run(capsys, "playbook", "import", str(path), "--offering", offering.name)
    assert code == 0, out
    assert "version 1 is current" in out
    assert PlaybookVersion.objects.count() == 1


def test_import_names_every_bad_rule_with_its_line(capsys, tmp_path, offering, alternatives):
    document = debt_document()
    document["questions"][0]["type"] = "essay"
    document["criteria"][2]["weight"] = 0
    path = tmp_path / "playbook.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False))
    code, _, err = run(capsys, "playbook", "import", str(path), "--offering", offering.name)
    assert code == 1
    assert "questions[0].type: line" in err
    assert "criteria[2].weight: line" in err
    assert not PlaybookVersion.objects.exists()


def test_import_of_an_unknown_offering_says_so(capsys, tmp_path, team):
    path = tmp_path / "p.json"
    path.write_text("{}")
    code, _, err = run(capsys, "playbook", "import", str(path), "--offering", "Nope")
    assert code == 1
    assert "No offering named “Nope”" in err


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_export_prints_the_current_version(capsys, playbook, offering, fmt):
    code, out, _ = run(capsys, "playbook", "export", "--offering", offering.name, "--format", fmt)
    assert code == 0
    document = json.loads(out) if fmt == "json" else yaml.safe_load(out)
    assert document == playbook.definition


def test_rediagnose_reports_changed_verdicts(
    capsys, deal, owner, offering, manager, playbook, django_capture_on_commit_callbacks
):
    answers_save(deal=deal, actor=owner, values={"unsecured_debt": "9000", "garnished": False})
    answers_save(deal=deal, actor=owner, values={"behind": True, "income": "steady"})
    answers_save(deal=deal, actor=owner, values={"kinds": ["cards"]})
    assert deal.diagnoses.first().verdict == "partial_fit"
    document = debt_document()
    document["threshold"] = 2
    # Saving enqueues the background re-diagnosis (immediate in tests).
    with django_capture_on_commit_callbacks(execute=True):
        playbook_save(offering=offering, actor=manager, document=document)
    assert deal.diagnoses.first().verdict == "good_fit"
    assert deal.diagnoses.first().trigger == "rediagnose"
    document["threshold"] = 4
    PlaybookVersion.objects.create(
        playbook=playbook.playbook,
        number=3,
        definition=playbook.definition,
        created_at=playbook.created_at,
    )
    code, out, _ = run(capsys, "rediagnose", "--offering", offering.name)
    assert code == 0
    assert "1 verdicts changed" in out
    assert "Good fit" in out and "Partial fit" in out


def test_rediagnose_leaves_unchanged_and_closed_deals_alone(deal, owner, offering, playbook):
    answers_save(deal=deal, actor=owner, values={"garnished": True})
    summary = rediagnose_offering_deals(offering)
    assert summary.checked == 1
    assert summary.written == 0
    assert Diagnosis.objects.count() == 1


def test_rediagnose_without_playbooks_fails_clearly(capsys, team):
    code, _, err = run(capsys, "rediagnose")
    assert code == 1
    assert "has a playbook" in err
