"""The SQLite store: its shape (declared once), migrations, and the writer."""
