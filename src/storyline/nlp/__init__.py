"""Per-document language stages: entities, statements, facts."""
