"""Every admin address the site registers, opened by each role: what each may see.

Changelist, add, change, history, export, import, each model admin's own extra pages and every
autocomplete field, as a staff member with no permission and as each role of apps.core.roles. Run
with `-s` to print the table of statuses."""

from __future__ import annotations

import io

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from apps.core.roles import (
    INBOX_READERS,
    NEWS_EDITORS,
    PATIENT_EDITORS,
    SITE_ADMINISTRATORS,
    SITE_EDITORS,
    TEAM_EDITORS,
)
from apps.teams.models import Team
from tests.factories import StaffFactory, staff_in

pytestmark = pytest.mark.django_db

ROLES = (
    "no permission",
    "team editor",
    "news editor",
    "patient editor",
    "inbox reader",
    "site editor",
    "site administrator",
)
# What only administrators (superusers, "Site administrators") manage.
ADMINISTRATION = {
    "auth.user",
    "auth.group",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "otp_totp.totpdevice",
    "core.sitesettings",
}
INBOX = {"care.contactrequest"}
# The bin: each editor sees what they deleted themselves.
IMAGES_AND_BIN = {"core.image", "core.binentry"}
# The models each role opens (list, form, history); every other address answers it 403.
# Site editors: everything but ADMINISTRATION and INBOX (computed in the test).
OPENS = {
    "no permission": set(),
    # Their teams, with members and publications; people, themes and the image library they
    # see (to pick a member, a theme, a photo).
    "team editor": {
        "teams.team",
        "teams.membership",
        "teams.publication",
        "teams.person",
        "teams.researchtheme",
        *IMAGES_AND_BIN,
    },
    # Teams and people they see, read-only, to pick those an article or a trial names.
    "news editor": {
        "news.newsarticle",
        "news.event",
        "news.category",
        "teams.team",
        "teams.person",
        *IMAGES_AND_BIN,
    },
    "patient editor": {
        "teams.team",
        "teams.person",
        "care.contactpoint",
        "care.consultation",
        "care.cancertype",
        "care.clinicaltrial",
        *IMAGES_AND_BIN,
    },
    "inbox reader": INBOX,
    # The bin too, for what they deleted themselves (the settings are versioned).
    "site administrator": {*ADMINISTRATION, "core.binentry"},
}
GROUPS = {
    "team editor": TEAM_EDITORS,
    "news editor": NEWS_EDITORS,
    "patient editor": PATIENT_EDITORS,
    "inbox reader": INBOX_READERS,
    "site editor": SITE_EDITORS,
    "site administrator": SITE_ADMINISTRATORS,
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
    users = {"no permission": StaffFactory(username="nobody")}
    for role, group in GROUPS.items():
        users[role] = staff_in(group, username=role.replace(" ", "-"))
    Team.objects.order_by("pk").first().editors.add(users["team editor"])
    return users


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
    opens = {
        **OPENS,
        "site editor": {label for label, _k, _u in urls} - ADMINISTRATION - INBOX,
    }
    problems = []
    for label, kind, _url in urls:
        for role in ROLES:
            status = table[(label, kind, role)]
            if label not in opens[role]:
                if status != 403:
                    problems.append(f"{label} {kind}: the {role} got {status}, not 403")
            elif kind in ("changelist", "change", "history") and status not in allowed:
                problems.append(f"{label} {kind}: the {role} got {status}")
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
    lines = ["| model | address | " + " | ".join(ROLES) + " |", "| --- " * (len(ROLES) + 2) + "|"]
    for label, kind, _url in urls:
        statuses = " | ".join(str(table[(label, kind, role)]) for role in ROLES)
        lines.append(f"| {label} | {kind} | {statuses} |")
    print("\n".join(lines))
