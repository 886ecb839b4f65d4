"""Settings pages of discovery and fit (managers only): playbooks and alternatives."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from goodfit.core.access import require_manager
from goodfit.core.forms import form_data, run_service
from goodfit.fit.access import alternatives_visible_to, get_alternative_for_manager
from goodfit.fit.documents import document_dump, document_load, with_lines
from goodfit.fit.domain import diagnosis as pure
from goodfit.fit.domain.wording import node_words
from goodfit.fit.forms import AlternativeForm, PlaybookImportForm
from goodfit.fit.models import PlaybookVersion
from goodfit.fit.selectors import compiled, current_version
from goodfit.fit.services import (
    alternative_create,
    alternative_delete,
    alternative_update,
    playbook_save,
)
from goodfit.pipeline.access import get_offering_for_manager, offerings_visible_to


def _criterion_view(c: pure.Criterion, questions: dict[str, pure.Question]) -> dict[str, Any]:
    return {"criterion": c, "when": node_words(c.when, questions)}


# Playbooks


@login_required
@require_GET
def playbook_list(request: HttpRequest) -> HttpResponse:
    require_manager(request.user)
    offerings = list(offerings_visible_to(request.user).order_by("-is_active", "name"))
    versions = {
        v.playbook.offering_id: v
        for v in PlaybookVersion.objects.filter(playbook__offering__in=offerings)
        .select_related("playbook", "created_by")
        .order_by("playbook_id", "number")
    }
    rows = [(o, versions.get(o.pk)) for o in offerings]
    return render(request, "fit/playbooks.html", {"section": "playbooks", "rows": rows})


def _import(request: HttpRequest, form: PlaybookImportForm, offering: Any) -> bool:
    if not form.is_bound or not form.is_valid():
        return False
    text = form.cleaned_data["document"]
    try:
        document = document_load(text)
        row = playbook_save(
            offering=offering, actor=request.user, document=document, note=form.cleaned_data["note"]
        )
    except ValidationError as error:
        # Every problem goes next to the document field, where the manager is typing.
        error = with_lines(error, text)
        for path, problems in error.message_dict.items():
            for problem in problems:
                label = "" if path in ("document", "__all__") else f"{path}: "
                form.add_error("document", f"{label}{problem}")
        return False
    messages.success(request, f"Saved as version {row.number}. Open deals are re-diagnosed.")
    return True


@login_required
@require_http_methods(["GET", "POST"])
def playbook_detail(request: HttpRequest, offering_id: int) -> HttpResponse:
    offering = get_offering_for_manager(request.user, offering_id)
    form = PlaybookImportForm(form_data(request), request.FILES or None)
    if _import(request, form, offering):
        return redirect("settings-playbook", offering_id=offering.pk)
    row = current_version(offering)
    context: dict[str, Any] = {"section": "playbooks", "offering": offering, "row": row}
    if row is not None:
        play = compiled(row)
        context["version"] = play.version
        context["criteria"] = [_criterion_view(c, play.questions) for c in play.version.criteria]
        context["versions"] = list(
            PlaybookVersion.objects.filter(playbook__offering=offering).select_related("created_by")
        )
        if not form.is_bound:
            form = PlaybookImportForm(initial={"document": document_dump(row.definition)})
    context["form"] = form
    return render(request, "fit/playbook_detail.html", context)


@login_required
@require_GET
def playbook_export(request: HttpRequest, offering_id: int, fmt: str) -> HttpResponse:
    offering = get_offering_for_manager(request.user, offering_id)
    row = current_version(offering)
    if row is None or fmt not in ("yaml", "json"):
        raise Http404
    content_type = "application/json" if fmt == "json" else "application/yaml"
    response = HttpResponse(document_dump(row.definition, fmt), content_type=content_type)
    filename = f"playbook-{offering.pk}-v{row.number}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# Alternatives directory


@login_required
@require_GET
def alternative_list(request: HttpRequest) -> HttpResponse:
    require_manager(request.user)
    alternatives = alternatives_visible_to(request.user).order_by("-is_active", "name")
    context = {"section": "alternatives", "alternatives": alternatives}
    return render(request, "fit/alternatives.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def alternative_new(request: HttpRequest) -> HttpResponse:
    team = require_manager(request.user).team
    form = AlternativeForm(form_data(request))
    fields = ("name", "good_for", "contact", "notes")

    def create(data: dict[str, Any]) -> Any:
        values = {k: data[k] for k in fields}
        return alternative_create(team=team, actor=request.user, **values)

    created = run_service(form, create)
    if created is not None:
        messages.success(request, f"“{created.name}” added to the directory.")
        return redirect("settings-alternatives")
    context = {"section": "alternatives", "form": form, "alternative": None}
    return render(request, "fit/alternative_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def alternative_edit(request: HttpRequest, pk: int) -> HttpResponse:
    alternative = get_alternative_for_manager(request.user, pk)
    initial = {f: getattr(alternative, f) for f in AlternativeForm.base_fields}
    form = AlternativeForm(form_data(request), initial=initial)
    updated = run_service(
        form,
        lambda data: alternative_update(alternative=alternative, actor=request.user, **data),
    )
    if updated is not None:
        messages.success(request, f"“{updated.name}” saved.")
        return redirect("settings-alternatives")
    context = {"section": "alternatives", "form": form, "alternative": alternative}
    return render(request, "fit/alternative_form.html", context)


@login_required
@require_POST
def alternative_remove(request: HttpRequest, pk: int) -> HttpResponse:
    alternative = get_alternative_for_manager(request.user, pk)
    try:
        alternative_delete(alternative=alternative, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("settings-alternative-edit", pk=alternative.pk)
    messages.success(request, f"“{alternative.name}” removed from the directory.")
    return redirect("settings-alternatives")
