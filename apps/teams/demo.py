"""Demo teams and people (written in apps.teams.demo_data)."""


def load() -> list[str]:
    from apps.teams.demo_data import load_teams

    return load_teams()
