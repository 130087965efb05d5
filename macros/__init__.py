"""The add-in's VBA modules and ribbon XML, as text (installed as package data `doithoai_macros`)."""
