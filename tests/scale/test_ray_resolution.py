"""A full rebuild's resolution jobs as Ray tasks give the local entities: in one process, and on a two-process cluster.

The cluster test starts a Ray head (``ray start --head``) and a worker (``ray start --address``) as two
processes on loopback, one CPU each, as docs/CLUSTER.md does on two machines; it skips with the reason
when Ray cannot start here. It stops exactly the processes it started (their process trees, by pid), not
with ``ray stop``, which would stop every Ray process of this user on the machine.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.errors import StorylineError
from storyline.services.resolution_rebuild import rebuild_resolution
from storyline.store import Store, open_store
from tests.services._resolution_corpus import APART, POOL
from tests.services._resolution_corpus import add as _add
from tests.services._resolution_corpus import analysis as _analysis

ray = pytest.importorskip("ray")
psutil = pytest.importorskip("psutil")  # Ray ships it (ray/thirdparty_files, on the path once ray is imported)
NodeAffinitySchedulingStrategy = pytest.importorskip("ray.util.scheduling_strategies").NodeAffinitySchedulingStrategy

START_TIMEOUT = 90  # seconds for the two nodes to join (a loaded 2-core machine is slow)


def _corpus(tmp_path: Path) -> Store:
    rng = random.Random(17)
    store = open_store("sqlite:///" + str(tmp_path / "ray.db"))
    _add(store, [_analysis(f"r{i:03d}", rng, pool=POOL if i % 3 else APART) for i in range(60)])
    return store


def test_ray_tasks_resolve_the_jobs_as_this_process_does_despite_a_killed_worker(tmp_path: Path) -> None:
    from storyline.scale.ray_engine import ray_resolution_runner
    from storyline.services.resolution_rebuild import ResolutionJob

    store = _corpus(tmp_path)
    local = rebuild_resolution(store, (), job_clusters=5)
    marker = tmp_path / "killed-once"

    def kill_once(job: ResolutionJob) -> None:  # defined in here, so Ray ships it to the workers by value
        if len(job.local_keys) > 1 and not marker.exists():
            marker.write_text(str(os.getpid()))
            os._exit(1)  # the worker dies in the middle of a job

    def always_kill(job: ResolutionJob) -> None:
        os._exit(1)

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        distributed = rebuild_resolution(store, (), ray_resolution_runner(store.url(), in_flight=3, on_job=kill_once),
                                         job_clusters=5)
        assert marker.exists(), "the fault hook never fired"
        assert distributed.jobs > 3
        assert distributed == local
        # a job that kills its worker every time fails the rebuild with a message, after Ray's retries
        with pytest.raises(StorylineError, match="resolution job failed on the Ray cluster after its retries"):
            rebuild_resolution(store, (), ray_resolution_runner(store.url(), on_job=always_kill), job_clusters=10_000)
    finally:
        ray.shutdown()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ray_cli() -> str:
    here = Path(sys.executable).with_name("ray")
    return str(here) if here.exists() else shutil.which("ray") or "ray"


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    """Stop the processes this test started and everything they started (by pid), then reap them."""
    tree: list[psutil.Process] = []
    for p in procs:
        try:
            tree.extend([psutil.Process(p.pid), *psutil.Process(p.pid).children(recursive=True)])
        except psutil.NoSuchProcess:
            continue
    for proc in tree:
        try:
            proc.send_signal(signal.SIGTERM)
        except psutil.NoSuchProcess:
            continue
    _gone, alive = psutil.wait_procs(tree, timeout=15)
    for proc in alive:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            continue
    psutil.wait_procs(alive, timeout=10)
    for p in procs:
        p.wait(timeout=10)


@pytest.fixture
def two_process_cluster(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A Ray head and one worker node, two processes on loopback with one CPU each; yields the head's address.

    Token authentication is off for this loopback cluster only (the head, the worker and this driver);
    docs/CLUSTER.md keeps it on between machines.
    """
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    temp = tempfile.mkdtemp(prefix="slr", dir="/tmp")  # short: Ray's socket paths must stay under 108 bytes
    port = _free_port()
    address = f"127.0.0.1:{port}"
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}
    common = ["--num-cpus", "1", "--node-ip-address", "127.0.0.1", "--block", "--disable-usage-stats",
              "--dashboard-agent-listen-port", str(_free_port()), "--metrics-export-port", str(_free_port())]
    logs = open(Path(temp) / "start.log", "wb")  # closed below, after both processes
    procs: list[subprocess.Popen[bytes]] = []
    try:
        head = [_ray_cli(), "start", "--head", "--port", str(port), "--temp-dir", temp, "--include-dashboard", "false", *common]
        procs.append(subprocess.Popen(head, stdout=logs, stderr=subprocess.STDOUT, env=env, start_new_session=True))
        worker = [_ray_cli(), "start", "--address", address, *common]
        deadline = time.monotonic() + START_TIMEOUT
        joined = False
        while time.monotonic() < deadline and procs[0].poll() is None:
            if len(procs) == 1 and (Path(temp) / "ray_current_cluster").exists():
                procs.append(subprocess.Popen(worker, stdout=logs, stderr=subprocess.STDOUT, env=env, start_new_session=True))
            if len(procs) == 2:
                if procs[1].poll() is not None:
                    break
                try:
                    ray.init(address=address, log_to_driver=False, configure_logging=False)
                except (ConnectionError, RuntimeError):
                    time.sleep(2)
                    continue
                alive = [n for n in ray.nodes() if n["Alive"]]
                ray.shutdown()
                if len(alive) == 2:
                    joined = True
                    break
            time.sleep(2)
        if not joined:
            tail = (Path(temp) / "start.log").read_bytes()[-1500:].decode("utf-8", "replace")
            pytest.skip(f"a two-process Ray cluster did not start here within {START_TIMEOUT} s: {tail}")
        yield address
    finally:
        if ray.is_initialized():
            ray.shutdown()
        _stop(procs)
        logs.close()
        shutil.rmtree(temp, ignore_errors=True)


@ray.remote(num_cpus=1)
def _node_id() -> str:
    return str(ray.get_runtime_context().get_node_id())


def test_a_two_process_cluster_resolves_as_this_process_does(tmp_path: Path, two_process_cluster: str) -> None:
    from storyline.scale.ray_engine import ray_resolution_runner

    store = _corpus(tmp_path)
    local = rebuild_resolution(store, (), job_clusters=5)
    ray.init(address=two_process_cluster, log_to_driver=False, configure_logging=False)
    try:
        alive = [n["NodeID"] for n in ray.nodes() if n["Alive"]]
        assert len(alive) == 2
        distributed = rebuild_resolution(store, (), ray_resolution_runner(store.url()), job_clusters=5)
        # one task pinned to each node: both the head and the worker run tasks (two unpinned tasks, each holding its
        # node's one CPU for a pause, could both land on the head while the worker was still starting its process)
        pinned = [_node_id.options(scheduling_strategy=NodeAffinitySchedulingStrategy(node_id=n, soft=False)).remote() for n in alive]
        nodes = set(ray.get(pinned, timeout=120))
    finally:
        ray.shutdown()
    assert distributed == local
    assert nodes == set(alive) and len(nodes) == 2  # tasks ran on the head and on the worker
