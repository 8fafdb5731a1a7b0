"""Every admin address the site registers, opened by three kinds of staff: what each may see.

Changelist, add, change, history, export, import, each model admin's own extra pages and every
autocomplete field, as a staff member with no permission, a team editor and a site editor. Run
with `-s` to print the table of statuses."""

from __future__ import annotations

import io

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from apps.teams.groups import SITE_EDITORS, TEAM_EDITORS
from apps.teams.models import Team
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

ROLES = ("no permission", "team editor", "site editor")
# What only administrators (superusers, "Site administrators") or the inbox's readers manage.
NOT_FOR_EDITORS = {
    "auth.user",
    "auth.group",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "otp_totp.totpdevice",
    "care.contactrequest",
}
# What team editors work on: their teams, with members and publications; people, themes and the
# image library they see (to pick a member, a theme, a photo).
TEAM_EDITOR_MODELS = {
    "teams.team",
    "teams.membership",
    "teams.publication",
    "teams.person",
    "teams.researchtheme",
    "core.image",
    # The bin: each editor sees what they deleted themselves (members, publications' links).
    "core.binentry",
}


def _admin_urls():
    """(model label, kind, url) for every address of every registered model admin."""
    urls = []
    for model, model_admin in sorted(admin.site._registry.items(), key=lambda i: i[0]._meta.label):
        opts = model._meta
        label = opts.label_lower
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        first = model._default_manager.order_by("pk").first()
        urls.append((label, "changelist", reverse(f"{prefix}_changelist")))
        urls.append((label, "add", reverse(f"{prefix}_add")))
        if first is not None:
            urls.append((label, "change", reverse(f"{prefix}_change", args=[first.pk])))
            urls.append((label, "history", reverse(f"{prefix}_history", args=[first.pk])))
        standard = {"changelist", "add", "change", "history", "delete", "autocomplete"}
        for pattern in model_admin.get_urls():
            name = getattr(pattern, "name", None) or ""
            kind = name.removeprefix(f"{opts.app_label}_{opts.model_name}_")
            if not name or kind in standard:
                continue
            try:
                urls.append((label, kind, reverse(f"admin:{name}")))
            except NoReverseMatch:
                continue  # an address that needs more than the model (an object's revision)
        for field in model_admin.autocomplete_fields:
            query = f"app_label={opts.app_label}&model_name={opts.model_name}&field_name={field}"
            # An autocomplete lists the related model: Django asks for the view permission there.
            target = model._meta.get_field(field).related_model._meta.label_lower
            urls.append((target, f"autocomplete {label}.{field}", f"/admin/autocomplete/?{query}"))
    return urls


@pytest.fixture
def users():
    call_command("load_demo", stdout=io.StringIO())
    team_editor = StaffFactory(username="team-editor")
    team_editor.groups.add(Group.objects.get(name=TEAM_EDITORS))
    Team.objects.order_by("pk").first().editors.add(team_editor)
    site_editor = StaffFactory(username="site-editor")
    site_editor.groups.add(Group.objects.get(name=SITE_EDITORS))
    return {
        "no permission": StaffFactory(username="nobody"),
        "team editor": team_editor,
        "site editor": site_editor,
    }


def test_every_admin_address_answers_each_role_as_it_should(client, users):
    urls = _admin_urls()
    kinds = {kind for _label, kind, _url in urls}
    assert {"changelist", "add", "change", "history", "export", "import"} <= kinds
    assert any(kind.startswith("autocomplete") for kind in kinds)
    table = {}
    for role in ROLES:
        client.force_login(users[role])
        for label, kind, url in urls:
            # The import's second step only takes a POST.
            send = client.post if kind == "process_import" else client.get
            table[(label, kind, role)] = send(url).status_code
    _print_table(urls, table)

    allowed = {200, 302}  # 302: a single-row model's list leads to its one row
    problems = []
    for label, kind, _url in urls:
        nobody = table[(label, kind, "no permission")]
        team = table[(label, kind, "team editor")]
        site = table[(label, kind, "site editor")]
        if nobody != 403:
            problems.append(f"{label} {kind}: a staff member with no permission got {nobody}")
        if label in NOT_FOR_EDITORS:
            for role, status in (("team editor", team), ("site editor", site)):
                if status != 403:
                    problems.append(f"{label} {kind}: {role} got {status}, not 403")
        elif kind in ("changelist", "change", "history") and site not in allowed:
            problems.append(f"{label} {kind}: the site editor got {site}")
        if label not in TEAM_EDITOR_MODELS and label not in NOT_FOR_EDITORS and team != 403:
            problems.append(f"{label} {kind}: the team editor got {team}, not 403")
    # The team editor's own work, and its limits.
    for label, kind in (("teams.team", "changelist"), ("teams.team", "export")):
        if table[(label, kind, "team editor")] != 200:
            problems.append(
                f"{label} {kind}: the team editor got {table[(label, kind, 'team editor')]}"
            )
    if table[("teams.team", "add", "team editor")] != 403:
        problems.append("the team editor may add teams")
    assert problems == [], "\n".join(problems)


def test_team_editor_opens_their_team_and_not_another(client, users):
    mine, other = Team.objects.order_by("pk")[:2]
    client.force_login(users["team editor"])
    assert client.get(reverse("admin:teams_team_change", args=[mine.pk])).status_code == 200
    assert client.get(reverse("admin:teams_team_change", args=[other.pk])).status_code == 403
    assert client.get(reverse("admin:teams_team_history", args=[other.pk])).status_code == 403


def _print_table(urls, table) -> None:
    lines = ["| model | address | " + " | ".join(ROLES) + " |", "| --- | --- | --- | --- | --- |"]
    for label, kind, _url in urls:
        statuses = " | ".join(str(table[(label, kind, role)]) for role in ROLES)
        lines.append(f"| {label} | {kind} | {statuses} |")
    print("\n".join(lines))
