"""Shared word lists and text helpers: the findings lexicon, words and negation scope, name keys and matching,
stance phrases, event nouns.

The low layer beside ``model``, ``errors`` and ``config``: both ``nlp/`` and ``corpus/`` read it, and it imports
nothing above that layer (``tests/test_architecture.py`` checks it).
"""
