"""Spiders: one per registered site, generated from the registry (adding a site needs no spider code)."""
