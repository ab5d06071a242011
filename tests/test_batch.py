"""Many inputs at once: argmap extract/render INPUT... -o OUTDIR/ or corpus.jsonl, --jobs, --skip-existing,
progress, bad inputs reported while the others are written, argmap.extract_many, and Dask."""

from __future__ import annotations

import io
import json
import os
import re
import sys

import pytest

import argmap
from argmap import ArgmapError, ArgumentMap, Document, InputError, Statement, Support, hookimpl, loads
from argmap.batch import Item, Progress, Task, bins, collect, plan
from argmap.batch import run as run_batch
from argmap.cli import main
from argmap.plugins import Extractor, load_registry

from .conftest import ROOT, need_renderers

OPED = ROOT / "seeds" / "japan-russia-reset.txt"


def _two_sentences(doc: Document) -> ArgumentMap:
    """A tiny extractor: the first sentence is the claim, the rest supports it; 'EXPLODE' is a bug."""
    if "EXPLODE" in doc.text:
        raise RuntimeError("the tiny extractor broke")
    if "INTERRUPT" in doc.text:
        raise KeyboardInterrupt
    first, _, rest = doc.text.partition(". ")
    rest = rest.strip() or "nothing more"
    a = Statement("s1", first, kind="claim", main=True, spans=[(0, len(first))])
    if rest == "nothing more":
        return ArgumentMap([a], [], document=doc)
    start = doc.text.index(rest, len(first))
    b = Statement("s2", rest, kind="premise", spans=[(start, start + len(rest))])
    return ArgumentMap([a, b], [Support("r1", ["s2"], "s1")], document=doc)


class Tiny:
    @hookimpl
    def argmap_register_extractors(self, register):
        register(Extractor("tiny", _two_sentences))


@pytest.fixture(scope="module")
def reg():
    return load_registry(entrypoints=False, plugins=[Tiny()])


def run(argv, reg, capsys):
    code = main(argv, registry=reg)
    out, err = capsys.readouterr()
    return code, out, err


def _tree(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.fixture
def corpus(tmp_path):
    """A folder of texts: two at the top, one in a subfolder, a Markdown file, a hidden file and a
    file that is not text by suffix."""
    root = tmp_path / "corpus"
    (root / "week1").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "a.txt").write_text("We should walk. It keeps us well.", encoding="utf-8")
    (root / "b.txt").write_text("Cities need trees. Trees cool streets.", encoding="utf-8")
    (root / "week1" / "c.md").write_text("Taxes should fall. People spend more.", encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden. Not read.", encoding="utf-8")
    (root / ".cache" / "x.txt").write_text("Cached. Not read.", encoding="utf-8")
    (root / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return root


# -- collecting and planning ---------------------------------------------------------------------


def test_a_folder_gives_its_text_files_sorted_and_relative(corpus):
    """A folder contributes its .txt/.md files recursively in sorted order, hidden ones and other suffixes left out."""
    found = collect([corpus])
    assert [rel for _, rel, _ in found] == ["a.txt", "b.txt", "week1/c.md"]
    assert all(size > 0 for _, _, size in found)


def test_globs_and_files_keep_input_order_and_each_file_once(corpus):
    """Inputs are taken in the order given; a file named twice (by a glob and by name) is mapped once."""
    found = collect([corpus / "b.txt", str(corpus / "*.txt"), str(corpus / "**" / "*.md")])
    assert [os.path.basename(p) for p, _, _ in found] == ["b.txt", "a.txt", "c.md"]
    assert [rel for _, rel, _ in found] == ["b.txt", "a.txt", "week1/c.md"]


@pytest.mark.parametrize("spec, message", [
    ("missing.txt", "no such file"), ("*.nothing", "no file matches"), ("empty", "no text files"),
])
def test_inputs_that_name_nothing_are_one_error(tmp_path, monkeypatch, spec, message):
    """A pattern that matches nothing and a folder without text are an InputError naming them; a missing
    file is one failed input (the batch goes on)."""
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    if spec == "missing.txt":
        items = plan(collect([spec]), None, None)
        result = next(run_batch(items, Task(), jobs=1))
        assert message in str(result.error) and result.error.where == spec
    else:
        with pytest.raises(InputError, match=message):
            collect([spec])


def test_two_inputs_with_one_output_are_refused_before_any_work(corpus, tmp_path):
    """a.txt and a.md in one folder would both become a.json: refused, naming both."""
    (corpus / "a.md").write_text("Same stem. Other suffix.", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.md and .*a\.txt would both be written to .*a\.json"):
        plan(collect([corpus]), str(tmp_path / "out"), ".json")


def test_bins_balance_bytes_not_counts():
    """One big input and many small ones: the big one is a bin alone, the small ones share the others
    evenly by bytes, and each bin keeps input order."""
    items = [Item(0, "big", "big", 1000)] + [Item(k, f"s{k}", f"s{k}", 100) for k in range(1, 21)]
    out = bins(items, 3)
    weights = sorted(sum(i.size for i in b) for b in out)
    assert weights == [1000, 1000, 1000]
    assert all([i.index for i in b] == sorted(i.index for i in b) for b in out)
    assert sorted(i.index for b in out for i in b) == list(range(21))


# -- the command line ------------------------------------------------------------------------------


def test_extract_a_folder_mirrors_it_in_the_output_folder(reg, corpus, tmp_path, capsys):
    """`extract DIR -o OUT/` writes one JSON map per text at the same relative place, each the map of its text."""
    out = tmp_path / "out"
    code, stdout, err = run(["extract", str(corpus), "-o", f"{out}/", "-e", "tiny", "--jobs", "1"], reg, capsys)
    assert (code, stdout) == (0, "")
    assert err == "argmap: written 3, skipped 0, failed 0\n"
    assert _tree(out) == ["a.json", "b.json", "week1/c.json"]
    amap = loads((out / "week1" / "c.json").read_text(encoding="utf-8"))
    assert amap.document.text == "Taxes should fall. People spend more."
    assert amap.document.source == str(corpus / "week1" / "c.md")


def test_the_same_run_with_two_workers_writes_the_same_bytes(reg, corpus, tmp_path, capsys):
    """--jobs 2 (a process pool) writes byte for byte what --jobs 1 writes."""
    one, two = tmp_path / "one", tmp_path / "two"
    assert run(["extract", str(corpus), "-o", f"{one}/", "-e", "tiny", "--jobs", "1"], reg, capsys)[0] == 0
    assert run(["extract", str(corpus), "-o", f"{two}/", "-e", "tiny", "--jobs", "2"], reg, capsys)[0] == 0
    assert _tree(one) == _tree(two)
    for name in _tree(one):
        assert (one / name).read_bytes() == (two / name).read_bytes()


def _bad_corpus(root):
    """Texts with three bad ones among them: not UTF-8, binary, and one the extractor fails on."""
    root.mkdir()
    for k in range(12):
        (root / f"t{k:02d}.txt").write_text(f"Claim number {k}. Reason number {k}.", encoding="utf-8")
    (root / "t03.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (root / "t07.txt").write_bytes(b"\x89PNG\x00\x00")
    (root / "t09.txt").write_text("This one will EXPLODE. Sadly.", encoding="utf-8")
    return root


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_inputs_are_reported_and_the_others_written(reg, tmp_path, capsys, jobs):
    """Three bad texts: one `argmap: error: PATH: what` line each, the nine others written, a summary, status 1."""
    corpus = _bad_corpus(tmp_path / "c")
    out = tmp_path / "out"
    code, stdout, err = run(["extract", str(corpus), "-o", f"{out}/", "-e", "tiny", "--jobs", jobs], reg, capsys)
    assert code == 1 and stdout == ""
    lines = err.splitlines()
    assert lines[-1] == "argmap: written 9, skipped 0, failed 3"
    errors = sorted(lines[:-1])
    assert len(errors) == 3
    assert re.fullmatch(r"argmap: error: .*t03\.txt: not utf-8 text \(bad byte at offset 3\)", errors[0])
    assert re.fullmatch(r"argmap: error: .*t07\.txt: binary data \(NUL bytes\), not text", errors[1])
    assert re.fullmatch(r"argmap: error: .*t09\.txt: extractor 'tiny' failed: RuntimeError: the tiny extractor "
                        r"broke", errors[2])
    assert _tree(out) == [f"t{k:02d}.json" for k in range(12) if k not in (3, 7, 9)]
    assert not [p for p in out.rglob(".*")]  # no temporary files left


def test_an_input_too_large_is_one_bad_input(reg, tmp_path, capsys):
    """--max-input applies to each input: the large one fails in one line, the small one is written."""
    (tmp_path / "small.txt").write_text("Small. Text.", encoding="utf-8")
    (tmp_path / "large.txt").write_text("Large. " + "x" * 500, encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(["extract", str(tmp_path / "small.txt"), str(tmp_path / "large.txt"), "-o", f"{out}/",
                        "-e", "tiny", "--max-input", "100", "--jobs", "1"], reg, capsys)
    assert code == 1
    assert "large.txt: input larger than 100 bytes" in err and err.count("argmap: error:") == 1
    assert _tree(out) == ["small.json"]


def test_skip_existing_resumes_and_counts(reg, corpus, tmp_path, capsys):
    """--skip-existing leaves out inputs whose output exists (untouched) and says how many."""
    out = tmp_path / "out"
    (out / "week1").mkdir(parents=True)
    (out / "a.json").write_text("kept", encoding="utf-8")
    code, _, err = run(["extract", str(corpus), "-o", f"{out}/", "-e", "tiny", "--skip-existing", "--jobs", "1"],
                       reg, capsys)
    assert code == 0 and err == "argmap: written 2, skipped 1, failed 0\n"
    assert (out / "a.json").read_text(encoding="utf-8") == "kept"
    code, _, err = run(["extract", str(corpus), "-o", f"{out}/", "-e", "tiny", "--skip-existing"], reg, capsys)
    assert code == 0 and err == "argmap: written 0, skipped 3, failed 0\n"


def test_jsonl_has_one_map_per_line_in_input_order(reg, tmp_path, capsys):
    """-o corpus.jsonl: one argmap JSON object per line with its source path, in input order whatever the
    order of completion; a failed input has no line."""
    corpus = _bad_corpus(tmp_path / "c")
    target = tmp_path / "corpus.jsonl"
    code, _, err = run(["extract", str(corpus), "-o", str(target), "-e", "tiny", "--jobs", "2"], reg, capsys)
    assert code == 1 and err.splitlines()[-1] == "argmap: written 9, skipped 0, failed 3"
    lines = target.read_text(encoding="utf-8").splitlines()
    sources = [json.loads(line)["document"]["source"] for line in lines]
    assert sources == [str(corpus / f"t{k:02d}.txt") for k in range(12) if k not in (3, 7, 9)]
    assert loads(lines[0]).document.text == "Claim number 0. Reason number 0."
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_jsonl_on_standard_output_when_no_output_is_given(reg, corpus, capsys):
    """Several inputs and no -o: the maps as JSON Lines on standard output."""
    code, out, _ = run(["extract", str(corpus / "b.txt"), str(corpus / "a.txt"), "-e", "tiny"], reg, capsys)
    assert code == 0
    assert [json.loads(line)["document"]["text"][:6] for line in out.splitlines()] == ["Cities", "We sho"]


def test_interrupted_batch_leaves_no_half_written_output(reg, tmp_path, capsys):
    """Ctrl-C in the middle: status 130, the outputs done so far whole, no temporary file, no .jsonl at all."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    for k, text in enumerate(["One. Two.", "Three. Four.", "Please INTERRUPT. Now.", "Five. Six."]):
        (corpus / f"t{k}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(["extract", str(corpus), "-o", f"{out}/", "-e", "tiny", "--jobs", "1"], reg, capsys)
    assert code == 130
    assert err.splitlines()[-2:] == ["argmap: written 2, skipped 0, failed 0, not done 2 (interrupted)",
                                     "argmap: interrupted"]
    assert _tree(out) == ["t0.json", "t1.json"]
    assert [loads((out / n).read_text(encoding="utf-8")).document.text[:3] for n in _tree(out)] == ["One", "Thr"]
    code, _, _ = run(["extract", str(corpus), "-o", str(tmp_path / "all.jsonl"), "-e", "tiny", "--jobs", "1"],
                     reg, capsys)
    assert code == 130 and sorted(p.name for p in tmp_path.iterdir()) == ["c", "out"]


def test_progress_is_off_on_a_pipe_and_on_when_asked(reg, corpus, tmp_path, capsys):
    """Standard error not a terminal: no progress line unless --progress, which prints lines of
    `argmap: D/T files, X/Y MB, R files/s, M MB/s, ETA|done`."""
    _, _, quiet = run(["extract", str(corpus), "-o", f"{tmp_path}/a/", "-e", "tiny", "--jobs", "1"], reg, capsys)
    assert quiet == "argmap: written 3, skipped 0, failed 0\n"
    _, _, err = run(["extract", str(corpus), "-o", f"{tmp_path}/b/", "-e", "tiny", "--jobs", "1", "--progress"],
                    reg, capsys)
    lines = err.splitlines()
    assert lines[-1] == "argmap: written 3, skipped 0, failed 0"
    pattern = r"argmap: \d+/3 files, \d+\.\d/0\.0 MB, \d+\.\d files/s, \d+\.\d\d MB/s, (ETA (\?|\d+[smh].*)|done)"
    assert lines[:-1] and all(re.fullmatch(pattern, line) for line in lines[:-1]), lines
    assert lines[-2].startswith("argmap: 3/3 files") and lines[-2].endswith(", done")
    _, _, off = run(["extract", str(corpus), "-o", f"{tmp_path}/c/", "-e", "tiny", "--jobs", "1", "--no-progress"],
                    reg, capsys)
    assert off == quiet


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_redraws_one_line_at_most_ten_times_a_second():
    """On a terminal the line is redrawn in place (\\r), no oftener than every 0.1 s; an error goes on a line
    of its own above it; the ETA comes from the bytes still to do at the rate so far."""
    now = [0.0]
    stream = _Terminal()
    bar = Progress(100, 100_000_000, stream=stream, clock=lambda: now[0])
    for _ in range(50):  # fifty files in 0.05 s: one redraw
        now[0] += 0.001
        bar.advance(1_000_000)
    assert stream.getvalue().count("\r") == 1 and "\n" not in stream.getvalue()
    now[0] = 1.0
    bar.note("argmap: error: x.txt: bad")
    assert stream.getvalue().endswith("argmap: error: x.txt: bad\n\rargmap: 50/100 files, 50.0/100.0 MB, "
                                      "50.0 files/s, 50.00 MB/s, ETA 1s")
    now[0] = 1.02
    bar.advance(1_000_000, failed=True)  # 0.02 s after the last redraw: not drawn
    assert stream.getvalue().endswith("ETA 1s")
    bar.close()
    last = stream.getvalue().split("\r")[-1]
    assert last == "argmap: 51/100 files, 51.0/100.0 MB, 50.0 files/s, 50.00 MB/s, ETA 1s, 1 failed\n"


def test_one_input_into_one_file_behaves_as_before(reg, tmp_path, capsys):
    """A single text with -o FILE is not a batch: no summary line, the same bytes as one extract, errors as before."""
    text = tmp_path / "essay.txt"
    text.write_text("We should walk. It helps.", encoding="utf-8")
    out = tmp_path / "m.json"
    code, stdout, err = run(["extract", str(text), "-e", "tiny", "-o", str(out)], reg, capsys)
    assert (code, stdout, err) == (0, "", "")
    assert loads(out.read_text(encoding="utf-8")).document.source == str(text)
    code, _, err = run(["extract", str(tmp_path / "nope.txt"), "-e", "tiny", "-o", str(out)], reg, capsys)
    assert code == 1 and err == f"argmap: error: {tmp_path / 'nope.txt'}: no such file\n"


def test_several_inputs_need_an_output_folder(reg, corpus, tmp_path, capsys):
    """render of several inputs into a file name (not a folder) is one error line, nothing written."""
    code, _, err = run(["render", str(corpus / "a.txt"), str(corpus / "b.txt"), "-e", "tiny", "-o",
                        str(tmp_path / "x.svg")], reg, capsys)
    assert code == 1 and err.startswith("argmap: error: ") and "-o names a folder (end it with /)" in err
    assert err.count("\n") == 1 and not (tmp_path / "x.svg").exists()


@pytest.mark.graphviz
def test_render_a_folder_of_texts_into_a_folder_of_diagrams(reg, corpus, tmp_path, capsys):
    """`render DIR -o OUT/ -f dot` writes one diagram per text, mirroring the folder, suffix from the format."""
    need_renderers()
    out = tmp_path / "dots"
    code, _, err = run(["render", str(corpus), "-o", f"{out}/", "-f", "dot", "-e", "tiny", "--jobs", "2"], reg, capsys)
    assert code == 0, err
    assert _tree(out) == ["a.dot", "b.dot", "week1/c.dot"]
    assert (out / "a.dot").read_text(encoding="utf-8").startswith("digraph")
    code, _, err = run(["render", str(corpus / "a.txt"), "-o", f"{tmp_path}/svgs/", "-e", "tiny"], reg, capsys)
    assert code == 0, err
    assert (tmp_path / "svgs" / "a.svg").read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))


# -- extract_many ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_extract_many_yields_every_result_with_its_map_or_error(reg, tmp_path, jobs):
    """extract_many yields one Result per input (as they finish): the map, or the error naming the path."""
    corpus = _bad_corpus(tmp_path / "c")
    results = list(argmap.extract_many([corpus], jobs=jobs, extractor="tiny", registry=reg))
    assert sorted(r.index for r in results) == list(range(12))
    by_name = {os.path.basename(r.path): r for r in results}
    assert by_name["t00.txt"].ok and by_name["t00.txt"].map.document.text == "Claim number 0. Reason number 0."
    assert by_name["t00.txt"].map.main_claims[0].text == "Claim number 0"
    bad = sorted(name for name, r in by_name.items() if not r.ok)
    assert bad == ["t03.txt", "t07.txt", "t09.txt"]
    assert isinstance(by_name["t03.txt"].error, InputError)
    assert by_name["t03.txt"].error.where == str(corpus / "t03.txt")


def test_extract_many_on_error_raise_and_callable(reg, tmp_path):
    """on_error='raise' raises the first failure (an ArgmapError naming the path); a callable gets each failed
    result, which is then not yielded."""
    corpus = _bad_corpus(tmp_path / "c")
    with pytest.raises(ArgmapError, match=r"t03\.txt: not utf-8"):
        list(argmap.extract_many(corpus, jobs=1, on_error="raise", extractor="tiny", registry=reg))
    failed = []
    good = list(argmap.extract_many(corpus, jobs=2, on_error=failed.append, extractor="tiny", registry=reg))
    assert len(good) == 9 and all(r.ok for r in good)
    assert sorted(os.path.basename(r.path) for r in failed) == ["t03.txt", "t07.txt", "t09.txt"]
    with pytest.raises(ArgmapError, match="on_error must be"):
        list(argmap.extract_many(corpus, on_error="ignore"))  # type: ignore[arg-type]


def test_extract_many_with_the_default_extractor_matches_extract():
    """With the installed plugins, extract_many's map of the op-ed is argmap.extract's."""
    [result] = argmap.extract_many([OPED], jobs=1)
    text = OPED.read_text(encoding="utf-8")
    assert result.map == argmap.extract(Document(text=text, source=str(OPED)))


# -- Dask ---------------------------------------------------------------------------------------------------


def _dask_or_skip():
    try:
        import distributed  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("dask[distributed] is not installed (pip install 'argmap[dask]'); CI installs it")


def test_dask_missing_is_one_line(reg, corpus, tmp_path, capsys, monkeypatch):
    """Without dask installed, --dask is one error line saying what to install, and nothing is written."""
    monkeypatch.setitem(sys.modules, "distributed", None)
    code, _, err = run(["extract", str(corpus), "-o", f"{tmp_path}/out/", "--dask", "local"], reg, capsys)
    assert code == 1
    assert err == "argmap: error: --dask needs dask.distributed: pip install 'argmap[dask]'\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_dask_local_cluster_end_to_end(tmp_path):
    """On a LocalCluster of 2 workers: the CLI writes the same maps as --jobs 1, reports the bad input with
    status 1, and extract_many(client=...) yields every result."""
    _dask_or_skip()
    from distributed import Client, LocalCluster

    corpus = tmp_path / "c"
    corpus.mkdir()
    texts = ["We should walk more. Walking keeps us well.", "Cities need trees, because trees cool streets.",
             "Taxes should fall. People would spend more."]
    for k, text in enumerate(texts):
        (corpus / f"t{k}.txt").write_text(text, encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\xff\xfe\x00")
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["extract", str(corpus), "-o", f"{local}/", "--jobs", "1"]) == 1
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        address = cluster.scheduler_address
        assert main(["extract", str(corpus), "-o", f"{dask}/", "--dask", address]) == 1
        results = list(argmap.extract_many(corpus, client=client))
    assert _tree(dask) == _tree(local) == ["t0.json", "t1.json", "t2.json"]
    for name in _tree(local):
        assert (dask / name).read_bytes() == (local / name).read_bytes()
    assert sorted(r.index for r in results) == [0, 1, 2, 3]
    bad = [r for r in results if not r.ok]
    assert len(bad) == 1 and bad[0].path.endswith("bad.txt") and isinstance(bad[0].error, InputError)
    assert {r.map.document.text for r in results if r.ok} == set(texts)


def test_ctrl_c_in_a_pool_reports_every_output_written(reg, tmp_path):
    """Ctrl-C while a pool runs: the chunks not started are dropped, the running ones finish and are
    reported before the interrupt goes on, so every output on disk has its result and none is half-written."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    for k in range(200):
        (corpus / f"t{k:03d}.txt").write_text(f"Claim {k}. Reason {k}.", encoding="utf-8")
    out = tmp_path / "out"
    items = plan(collect([corpus]), f"{out}/", ".json")
    task = Task(extractor="tiny", exporter="json")
    results = run_batch(items, task, jobs=2, registry=reg)
    reported = [next(results)]
    with pytest.raises(KeyboardInterrupt):
        reported.append(results.throw(KeyboardInterrupt))
        reported.extend(results)
    on_disk = sorted(p.name for p in out.iterdir())
    assert sorted(os.path.basename(r.output) for r in reported) == on_disk
    assert 1 <= len(on_disk) < 200 and not [n for n in on_disk if n.startswith(".")]
