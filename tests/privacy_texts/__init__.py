"""Texts for judging doithoai.text.privacy: the labelled corpus (labelled.py), a seeded generator
of texts no one typed (generator.py), and the one way both are scored (labelled.score), shared
by tests/text/test_privacy*.py and bench/privacy_bench.py."""
