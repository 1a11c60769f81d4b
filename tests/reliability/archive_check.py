"""A pipeline archive that cannot be written does not fail a run.

An archive folder that cannot be created (a path under a regular file), a read-only one (chmod
0555, or as root a read-only bind mount in a private mount namespace) and a full disk (a tiny
tmpfs, as root): the model is compiled in a temporary folder (removed afterwards), one stderr
line names the folder and the reason, the simulation runs and exits 0. Hits from a read-only
archive keep working and print nothing."""

import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

DESIGN = r"""
module top;
  reg [7:0] x = 8'd%d;
  initial begin
    #1 $display("value %%0d", x);
    $finish;
  end
endmodule
"""


def design(args, n):
    """A small design; each n is another model (another archive key)."""
    return common.write(args.work, f"d{n}.v", DESIGN % n)


def tmpdir(args, name):
    """An empty TMPDIR for one run, to see that the temporary folder is removed."""
    path = os.path.join(args.work, "tmp-" + name)
    os.makedirs(path)
    os.chmod(path, 0o1777)
    return path


def cli(args, archive, source, tmp, wrap=None):
    cmd = [args.bin, "--run", "--backend", "cpu", "--pipeline-archive", archive, source]
    if wrap:
        cmd = wrap(cmd)
    return common.run(cmd, timeout=300, env=dict(os.environ, TMPDIR=tmp), cwd=args.work)


def expect_fallback(checks, name, result, n, archive, tmp, reason):
    rc, out, err = result
    checks.expect(rc == 0, f"{name}: exit {rc}", err)
    checks.expect(out.strip() == f"value {n}", f"{name}: wrong output", out)
    notes = [x for x in err.splitlines() if x.strip()]
    checks.expect(len(notes) == 1, f"{name}: expected one stderr line", err)
    line = notes[0] if notes else ""
    checks.expect(archive in line and "temporary folder" in line and reason in line,
                  f"{name}: the line names neither the folder, the temporary folder nor "
                  f"'{reason}'", line)
    left = os.listdir(tmp)
    checks.expect(not left, f"{name}: the temporary folder is left", "\n".join(left))


def cannot_create(checks, args):
    blocker = common.write(args.work, "regular-file", "not a folder\n")
    archive = os.path.join(blocker, "archive")
    tmp = tmpdir(args, "create")
    expect_fallback(checks, "cannot-create", cli(args, archive, design(args, 1), tmp), 1,
                    archive, tmp, "cannot be created")


def read_only_chmod(checks, args):
    archive = os.path.join(args.work, "ro-archive")
    tmp = tmpdir(args, "ro")
    rc, _, err = cli(args, archive, design(args, 2), tmp)
    checks.expect(rc == 0 and len(os.listdir(archive)) == 1, "read-only: filling the archive",
                  err)
    os.chmod(archive, 0o555)
    try:
        before = sorted(os.listdir(archive))
        expect_fallback(checks, "read-only miss", cli(args, archive, design(args, 3), tmp), 3,
                        archive, tmp, "Permission denied")
        rc, out, err = cli(args, archive, design(args, 2), tmp)
        checks.expect(rc == 0 and out.strip() == "value 2" and not err.strip(),
                      f"read-only hit: exit {rc}", out + err)
        checks.expect(sorted(os.listdir(archive)) == before, "read-only: the archive changed")
    finally:
        os.chmod(archive, 0o755)


def in_namespace(mount_commands):
    """Wraps a command to run after `mount_commands` in a private mount namespace."""
    def wrap(cmd):
        quoted = " ".join("'" + c.replace("'", "'\\''") + "'" for c in cmd)
        return ["unshare", "-m", "sh", "-c", f"{mount_commands} && exec {quoted}"]
    return wrap


def namespaces_work(args):
    probe = os.path.join(args.work, "probe")
    os.makedirs(probe)
    try:
        r = subprocess.run(["unshare", "-m", "sh", "-c",
                            f"mount -t tmpfs -o size=64k tmpfs '{probe}'"],
                           capture_output=True, timeout=30)
        return r.returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def read_only_mount(checks, args):
    archive = os.path.join(args.work, "ro-mount-archive")
    tmp = tmpdir(args, "ro-mount")
    rc, _, err = cli(args, archive, design(args, 4), tmp)
    checks.expect(rc == 0 and len(os.listdir(archive)) == 1, "read-only mount: filling", err)
    ro = in_namespace(f"mount --bind '{archive}' '{archive}' && "
                      f"mount -o remount,bind,ro '{archive}'")
    before = sorted(os.listdir(archive))
    expect_fallback(checks, "read-only mount miss", cli(args, archive, design(args, 5), tmp, ro),
                    5, archive, tmp, "Read-only file system")
    rc, out, err = cli(args, archive, design(args, 4), tmp, ro)
    checks.expect(rc == 0 and out.strip() == "value 4" and not err.strip(),
                  f"read-only mount hit: exit {rc}", out + err)
    checks.expect(sorted(os.listdir(archive)) == before, "read-only mount: the archive changed")


def full_disk(checks, args):
    archive = os.path.join(args.work, "full-archive")
    os.makedirs(archive)
    tmp = tmpdir(args, "full")
    full = in_namespace(f"mount -t tmpfs -o size=16k tmpfs '{archive}'")
    expect_fallback(checks, "full disk", cli(args, archive, design(args, 6), tmp, full), 6,
                    archive, tmp, "No space left on device")
    left = os.listdir(archive)  # outside the namespace: the folder under the mount
    checks.expect(not left, "full disk: files left", "\n".join(left))


def main():
    args = common.parse_args()
    checks = common.Checks()
    cannot_create(checks, args)
    if os.geteuid() != 0:
        read_only_chmod(checks, args)
    if os.geteuid() == 0 and shutil.which("unshare") and namespaces_work(args):
        read_only_mount(checks, args)
        full_disk(checks, args)
    elif os.geteuid() == 0:
        print("note: no private mount namespace here; read-only and full-disk cases skipped")
    checks.finish()


if __name__ == "__main__":
    main()
