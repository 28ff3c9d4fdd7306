#!/usr/bin/env python3
"""Time from starting `curbside` on a terminal to its prompt, the REPL's start-up.

Runs the binary on a pseudo-terminal (so it starts the REPL, as a physician would), waits for
the prompt, sends end-of-file, and prints the median of RUNS starts in milliseconds.
Usage: repl_prompt.py BINARY [RUNS [TEXT]]: TEXT is what to wait for (default the prompt), so
that the same harness times the machine's floor on a hello binary.
"""
import os
import pty
import select
import statistics
import sys
import time

PROMPT = b"curbside> "


def one_start(binary, prompt=PROMPT):
    env = dict(os.environ, CURBSIDE_NO_HISTORY="1", TERM="dumb")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary], env)
    seen = b""
    elapsed = None
    try:
        while elapsed is None:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                raise RuntimeError("no prompt within 10 s")
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the terminal closed: the program exited
                chunk = b""
            if not chunk:
                raise RuntimeError(f"{binary} exited before printing {prompt!r}")
            seen += chunk
            if prompt in seen:
                elapsed = time.perf_counter() - start
        try:
            os.write(fd, b"\x04")  # Ctrl-D: end the session
        except OSError:
            pass  # it has already exited (a hello binary)
        while True:
            ready, _, _ = select.select([fd], [], [], 5)
            if not ready:
                break
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
    finally:
        os.waitpid(pid, 0)
        os.close(fd)
    return elapsed * 1000


def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    prompt = sys.argv[3].encode() if len(sys.argv) > 3 else PROMPT
    one_start(binary, prompt)  # warm the start-up cache and the page cache
    times = [one_start(binary, prompt) for _ in range(runs)]
    print(f"{statistics.median(times):.1f}")


if __name__ == "__main__":
    main()
