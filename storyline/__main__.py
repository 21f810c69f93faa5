from storyline.serve.cli import run

run()
