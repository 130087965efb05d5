"""Vietnamese text (pure core): accents and tone marks folded for comparison, dates and names
formatted for documents, text spoken for the loudspeaker, addressee lines without repeats, and
the printed width of a text. Imports nothing of this package but itself.
"""
