"""The demo: two teams whose history tells the stories goodfit is built for.

An app of its own so `goodfit demo` is its command; the data is built in ``load``.
"""
