"""The API docs page renders in a real browser under the site's strict CSP."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_the_api_docs_render_with_no_blocked_resource(page):
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.goto("/api/v1/docs")
    # Swagger UI is a large bundle: on a busy machine it takes a while to parse.
    page.wait_for_selector(".opblock", timeout=30_000)
    assert page.locator(".opblock").count() >= 25
    assert page.get_by_text("/api/v1/deals/{deal_id}/move").is_visible()
    assert problems == []
