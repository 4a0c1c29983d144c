"""Library entry points the shells call: ingest, analyze, review (each one transaction-safe)."""
