"""Shared code for the course's snippets: the verb universe, figures, the machine stamp,
and the runner that executes snippets the same way for the site and for the tests."""
