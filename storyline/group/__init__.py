"""Group: near-duplicates and stories."""
