"""Worker processes that run what visitors send, so that it can be stopped at a deadline.

- :mod:`.messages`: what the server and a worker say to each other;
- :mod:`.channel`: those messages on a socket pair;
- :mod:`.worker`: the worker process;
- :mod:`.pool`: the server's side: a pool of workers, deadlines, replacement.
"""
