"""Runs Debian's `age` command with a passphrase typed at its prompt.

age reads a passphrase only from a terminal (there is no flag or variable for it, by design), so
this runs it on a pseudo-terminal and answers each "Enter passphrase" / "Confirm passphrase"
prompt. Usage: agePassphrase.py PASSPHRASE age ARGS...  Exits with age's exit code; age's
terminal output goes to stderr.
"""
import os
import pty
import sys

PROMPTS = (b'Enter passphrase', b'Confirm passphrase')

passphrase = sys.argv[1].encode('utf-8')
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])

seen = b''
answered = 0
while True:
    try:
        chunk = os.read(fd, 1024)
    except OSError:  # the child closed the terminal
        break
    if not chunk:
        break
    seen += chunk
    prompts = sum(seen.count(p) for p in PROMPTS)
    while answered < prompts:
        os.write(fd, passphrase + b'\r')
        answered += 1

_, status = os.waitpid(pid, 0)
sys.stderr.write(seen.decode('utf-8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status))
