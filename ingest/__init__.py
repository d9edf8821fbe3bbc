"""The ingest pipeline: one document (pure), a batch of them into a database, and the CLI."""
