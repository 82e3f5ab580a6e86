"""Site-agnostic extraction helpers that the site modules delegate to."""
