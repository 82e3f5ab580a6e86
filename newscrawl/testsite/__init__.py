"""A synthetic, TTV-like news site served over real HTTP on loopback, for crawl tests and benchmarks.

``model`` computes articles on demand from (seed, index), ``pages`` renders the platform's markup,
``server`` serves it (``newscrawl testsite`` / ``python -m newscrawl.testsite.server``).
"""
