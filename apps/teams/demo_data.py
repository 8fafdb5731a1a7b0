def load_teams() -> list[str]:
    return []
