"""API: answers and diagnosis of a deal; an offering's playbook."""

from __future__ import annotations

import json

import pytest
import yaml

from goodfit.fit.models import Answer, PlaybookVersion
from tests.fit.playbooks import debt_document


def put(client, url, body, headers):
    return client.put(url, json.dumps(body), content_type="application/json", **headers)


def answers_url(deal):
    return f"/api/v1/deals/{deal.pk}/answers"


def test_put_answers_saves_by_key_and_returns_the_diagnosis(client, owner_api, deal, playbook):
    response = put(
        client, answers_url(deal), {"garnished": True, "unsecured_debt": "28000"}, owner_api
    )
    body = response.json()
    assert response.status_code == 200, body
    assert body["verdict"] == "not_a_fit"
    assert body["playbook_version"] == 1
    assert body["alternatives"][0]["name"] == "Bankruptcy attorney"
    assert "Bankruptcy attorney (Hale & Ortiz Law)" in body["script"]
    assert body["reasons"][0]["answers"][0] == {
        "key": "garnished",
        "question": "Are your wages garnished?",
        "answer": True,
        "answer_text": "yes",
    }
    assert body["answers"] == {"garnished": True, "unsecured_debt": "28000.00"}


def test_put_answers_is_partial(client, owner_api, deal, playbook):
    put(client, answers_url(deal), {"behind": True}, owner_api)
    body = put(client, answers_url(deal), {"garnished": False}, owner_api).json()
    assert body["answers"] == {"behind": True, "garnished": False}


def test_unknown_keys_and_wrong_types_are_422_naming_each_key(client, owner_api, deal, playbook):
    response = put(client, answers_url(deal), {"colour": "red", "behind": "perhaps"}, owner_api)
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["detail"]}
    assert fields == {"colour", "behind"}
    assert not Answer.objects.exists()


def test_answers_must_be_a_json_object(client, owner_api, deal, playbook):
    response = put(client, answers_url(deal), ["behind"], owner_api)
    assert response.status_code == 422


def test_get_diagnosis_lists_next_questions_with_why(client, owner_api, deal, playbook):
    body = client.get(f"/api/v1/deals/{deal.pk}/diagnosis", **owner_api).json()
    assert body["verdict"] == "not_enough_information"
    assert body["next_questions"][0]["key"] == "unsecured_debt"
    assert body["next_questions"][0]["why"]


def test_diagnosis_without_a_playbook_is_422(client, owner_api, deal):
    response = client.get(f"/api/v1/deals/{deal.pk}/diagnosis", **owner_api)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "playbook"


def test_get_playbook_returns_the_current_document(client, owner_api, playbook, offering):
    body = client.get(f"/api/v1/offerings/{offering.pk}/playbook", **owner_api).json()
    assert body["version"] == 1
    assert body["document"] == playbook.definition


def test_put_playbook_creates_a_version(client, manager_api, playbook, offering):
    document = debt_document()
    document["threshold"] = 5
    response = put(client, f"/api/v1/offerings/{offering.pk}/playbook", document, manager_api)
    assert response.status_code == 200
    assert response.json()["version"] == 2


def test_put_playbook_names_every_bad_rule(client, manager_api, playbook, offering):
    document = debt_document()
    document["criteria"][0]["when"][0]["op"] = "gt"
    response = put(client, f"/api/v1/offerings/{offering.pk}/playbook", document, manager_api)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "criteria[0].when[0].op"


def test_import_playbook_from_yaml_text_with_lines(client, manager_api, offering, alternatives):
    document = debt_document()
    good = yaml.safe_dump(document, sort_keys=False)
    url = f"/api/v1/offerings/{offering.pk}/playbook/import"
    response = client.post(
        url,
        json.dumps({"document": good, "note": "v1"}),
        content_type="application/json",
        **manager_api,
    )
    assert response.status_code == 200, response.json()
    document["questions"][0]["type"] = "essay"
    bad = yaml.safe_dump(document, sort_keys=False)
    response = client.post(
        url, json.dumps({"document": bad}), content_type="application/json", **manager_api
    )
    detail = response.json()["detail"][0]
    assert detail["field"] == "questions[0].type"
    assert detail["message"].startswith("line ")
    assert PlaybookVersion.objects.count() == 1


def test_reps_cannot_change_a_playbook(client, owner_api, playbook, offering):
    response = put(client, f"/api/v1/offerings/{offering.pk}/playbook", debt_document(), owner_api)
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/deals/{deal}/diagnosis"),
        ("put", "/api/v1/deals/{deal}/answers"),
        ("get", "/api/v1/offerings/{offering}/playbook"),
        ("put", "/api/v1/offerings/{offering}/playbook"),
        ("post", "/api/v1/offerings/{offering}/playbook/import"),
    ],
)
def test_outsiders_get_404(client, outsider_api, deal, offering, playbook, method, path):
    url = path.format(deal=deal.pk, offering=offering.pk)
    body = {"document": "x"} if "import" in path else {"behind": True}
    if method == "get":
        response = client.get(url, **outsider_api)
    else:
        call = getattr(client, method)
        response = call(url, json.dumps(body), content_type="application/json", **outsider_api)
    assert response.status_code == 404
