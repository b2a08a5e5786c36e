#!/usr/bin/env python3
"""The draft text benchmarks run with Loro (`loro`) and Yrs (`pycrdt`), for comparison with
`swift run -c release intersession-bench text` on the same machine.

    pip install loro pycrdt
    python3 Benchmarks/crdt_peers.py [--json]

Each library does the same work as the Swift benchmark: replay automerge-paper edit by edit,
encode and load, merge everything into an empty replica (automerge-paper and the 26,078
transactions of friendsforever), and merge two offline branches of 10,000 edits each. Times
are the best of several runs, in seconds. Both traces are ASCII, so pycrdt's UTF-8 offsets
equal code points here.
"""
import gzip, json, os, sys, time

import loro
from loro import ExportMode, LoroDoc
from pycrdt import Doc, Text

TRACES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Data", "editing-traces")


def load(name):
    with gzip.open(os.path.join(TRACES, name + ".json.gz")) as f:
        return json.load(f)


def best(fn, runs=3):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def patches(trace):
    for txn in trace["txns"]:
        for pos, deleted, inserted in txn["patches"]:
            yield pos, deleted, inserted


# --- Loro -------------------------------------------------------------------------------
def loro_replay(trace):
    doc = LoroDoc()
    text = doc.get_text("text")
    for pos, deleted, inserted in patches(trace):
        if deleted:
            text.delete(pos, deleted)
        if inserted:
            text.insert(pos, inserted)
        doc.commit()
    return doc


def pycrdt_replay(trace):
    doc = Doc()
    text = doc.get("text", type=Text)
    for pos, deleted, inserted in patches(trace):
        with doc.transaction():
            if deleted:
                del text[pos:pos + deleted]
            if inserted:
                text.insert(pos, inserted)
    return doc


def concurrent_updates(trace, make, edit, export_since, state, merge):
    """Replays a concurrent trace with one replica per agent; returns the final doc of a replica
    that merged every transaction's update, and those updates."""
    agents = [make() for _ in range(trace["numAgents"])]
    merged = [set() for _ in agents]
    updates = []
    for index, txn in enumerate(trace["txns"]):
        agent = txn["agent"]
        doc = agents[agent]
        missing, stack, seen = [], list(txn["parents"]), set()
        while stack:
            parent = stack.pop()
            if parent in merged[agent] or parent in seen:
                continue
            seen.add(parent)
            missing.append(parent)
            stack.extend(trace["txns"][parent]["parents"])
        for parent in sorted(missing):
            merge(doc, updates[parent])
            merged[agent].add(parent)
        before = state(doc)
        edit(doc, txn["patches"])
        updates.append(export_since(doc, before))
        merged[agent].add(index)
    final = make()
    for update in updates:
        merge(final, update)
    return final, updates


def loro_edit(doc, patch_list):
    text = doc.get_text("text")
    for pos, deleted, inserted in patch_list:
        if deleted:
            text.delete(pos, deleted)
        if inserted:
            text.insert(pos, inserted)
    doc.commit()


def pycrdt_edit(doc, patch_list):
    text = doc.get("text", type=Text)
    with doc.transaction():
        for pos, deleted, inserted in patch_list:
            if deleted:
                del text[pos:pos + deleted]
            if inserted:
                text.insert(pos, inserted)


def branch_edits(trace, start, count):
    edits = list(patches(trace))
    return edits[start:start + count]


def apply_clamped(length_of, edit, edits):
    for pos, deleted, inserted in edits:
        length = length_of()
        pos = min(pos, length)
        deleted = min(deleted, length - pos)
        edit([(pos, deleted, inserted)])


def main():
    figures = {}
    paper = load("automerge-paper")
    friends = load("friendsforever")

    # 1. Replay edit by edit.
    t, doc = best(lambda: loro_replay(paper), runs=2)
    assert doc.get_text("text").to_string() == paper["endContent"]
    figures["loro_replay_s"] = t
    t, ydoc = best(lambda: pycrdt_replay(paper), runs=2)
    assert str(ydoc.get("text", type=Text)) == paper["endContent"]
    figures["pycrdt_replay_s"] = t

    # 2. Encode, then load into a fresh doc.
    t, snapshot = best(lambda: doc.export(ExportMode.Snapshot()))
    figures["loro_snapshot_export_s"] = t
    figures["loro_snapshot_bytes"] = len(snapshot)
    t, _ = best(lambda: LoroDoc().import_(snapshot), runs=5)
    figures["loro_snapshot_import_s"] = t

    def import_and_read():
        fresh = LoroDoc()
        fresh.import_(snapshot)
        return fresh.get_text("text").to_string()

    t, _ = best(import_and_read, runs=5)
    figures["loro_snapshot_import_text_s"] = t
    t, update = best(lambda: ydoc.get_update())
    figures["pycrdt_update_bytes"] = len(update)

    # 3. Merge everything into an empty replica.
    updates = doc.export(ExportMode.Updates(loro.VersionVector()))
    figures["loro_updates_bytes"] = len(updates)

    def loro_merge():
        fresh = LoroDoc()
        fresh.import_(updates)
        return fresh.get_text("text").to_string()

    t, text = best(loro_merge)
    assert text == paper["endContent"]
    figures["loro_merge_paper_s"] = t

    def pycrdt_merge():
        fresh = Doc()
        fresh.apply_update(update)
        return str(fresh.get("text", type=Text))

    t, text = best(pycrdt_merge)
    assert text == paper["endContent"]
    figures["pycrdt_merge_paper_s"] = t

    loro_final, loro_txn_updates = concurrent_updates(
        friends, LoroDoc, loro_edit, lambda d, vv: d.export(ExportMode.Updates(vv)), lambda d: d.oplog_vv, lambda d, u: d.import_(u))
    figures["loro_friends_matches_end"] = loro_final.get_text("text").to_string() == friends["endContent"]

    def loro_merge_friends():
        fresh = LoroDoc()
        fresh.import_batch(loro_txn_updates)
        return fresh.get_text("text").to_string()

    t, _ = best(loro_merge_friends)
    figures["loro_merge_friends_s"] = t
    y_final, y_txn_updates = concurrent_updates(
        friends, Doc, pycrdt_edit, lambda d, sv: d.get_update(sv), lambda d: d.get_state(), lambda d, u: d.apply_update(u))
    figures["pycrdt_friends_matches_end"] = str(y_final.get("text", type=Text)) == friends["endContent"]
    whole = y_final.get_update()

    def pycrdt_merge_friends():
        fresh = Doc()
        fresh.apply_update(whole)
        return str(fresh.get("text", type=Text))

    t, _ = best(pycrdt_merge_friends)
    figures["pycrdt_merge_friends_s"] = t

    # 4. Two offline branches of 10,000 edits from a common base (the first 20,000 edits).
    base = branch_edits(paper, 0, 20_000)
    a_edits, b_edits = branch_edits(paper, 20_000, 10_000), branch_edits(paper, 30_000, 10_000)

    def loro_branches():
        a = LoroDoc()
        loro_edit(a, base)
        b = LoroDoc()
        b.import_(a.export(ExportMode.Snapshot()))
        apply_clamped(lambda: len(a.get_text("text").to_string()), lambda e: loro_edit(a, e), a_edits)
        apply_clamped(lambda: len(b.get_text("text").to_string()), lambda e: loro_edit(b, e), b_edits)
        vv = a.oplog_vv
        from_b = b.export(ExportMode.Updates(vv))
        start = time.perf_counter()
        a.import_(from_b)
        return time.perf_counter() - start

    figures["loro_merge_branches_s"] = min(loro_branches() for _ in range(3))

    def pycrdt_branches():
        a = Doc()
        pycrdt_edit(a, base)
        b = Doc()
        b.apply_update(a.get_update())
        ta, tb = a.get("text", type=Text), b.get("text", type=Text)
        apply_clamped(lambda: len(ta), lambda e: pycrdt_edit(a, e), a_edits)
        apply_clamped(lambda: len(tb), lambda e: pycrdt_edit(b, e), b_edits)
        from_b = b.get_update(a.get_state())
        start = time.perf_counter()
        a.apply_update(from_b)
        return time.perf_counter() - start

    figures["pycrdt_merge_branches_s"] = min(pycrdt_branches() for _ in range(3))

    if "--json" in sys.argv:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:32} {value:.6f}" if isinstance(value, float) else f"{key:32} {value}")


if __name__ == "__main__":
    main()
