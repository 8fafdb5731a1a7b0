"""The admin's role screen (`/admin/roles/`): each role, what it is for and who holds it, and every
staff account with its roles. For those who may look at staff accounts (site administrators)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from apps.core.roles import ROLES, TEAM_EDITORS


def roles_view(request, admin_site):
    if not request.user.has_perm("auth.view_user"):
        raise PermissionDenied
    user_model = get_user_model()
    groups = Group.objects.order_by("name")
    staff = list(
        user_model.objects.filter(is_staff=True)
        .order_by("username")
        .prefetch_related(
            Prefetch("groups", queryset=groups),
            Prefetch("edited_teams", queryset=_teams()),
        )
    )
    by_group = {role.group: role for role in ROLES}
    members: dict[str, list] = {role.group: [] for role in ROLES}
    for user in staff:
        names = {g.name for g in user.groups.all()}
        user.role_labels = [by_group[g.name].label for g in user.groups.all() if g.name in by_group]
        user.other_groups = [g.name for g in user.groups.all() if g.name not in by_group]
        user.notes = []
        if not user.is_active:
            user.notes.append(_("Inactive: cannot log in."))
        if user.edited_teams.all() and not user.is_superuser and TEAM_EDITORS not in names:
            user.notes.append(
                _(
                    "Named as an editor of a team, but without the Team editors role: they cannot "
                    "edit it."
                )
            )
        for group in user.groups.all():
            if group.name in members:
                members[group.name].append(user)
    context = {
        **admin_site.each_context(request),
        "title": _("Roles and who holds them"),
        "roles": [{"role": role, "members": members[role.group]} for role in ROLES],
        "staff": staff,
        "may_change_users": request.user.has_perm("auth.change_user"),
    }
    request.current_app = admin_site.name
    return TemplateResponse(request, "admin/roles.html", context)


def _teams():
    # apps.core imports no other app (the layering rule): the team model by name.
    from django.apps import apps

    return apps.get_model("teams", "Team").objects.order_by("name_fr")
