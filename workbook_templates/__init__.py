"""The blank registry and the Word templates (installed as package data `doithoai_templates`)."""
