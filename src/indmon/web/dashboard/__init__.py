"""The dashboard pages, templates and static files of the web app."""
