"""The rules (pure core): the working-day calendar, the deadline rules and milestones, and
validation with its catalogue of codes. Imports the registry and text layers only; no file,
Excel or Word library.
"""
