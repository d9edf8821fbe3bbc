"""`python -m boardpapers`: the same command line as the installed `boardpapers` script.

This folder is installed as the `boardpapers` namespace package's own portion:
it holds only this file, so `boardpapers` itself stays a namespace whose parts
are the stage packages (ingest, extractors, schema, db).
"""
from boardpapers.ingest.cli import main

if __name__ == "__main__":
    main()
