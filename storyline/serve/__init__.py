"""Serve: CLI, HTTP API, web page and exports. The only layer that knows about terminals and HTML."""
