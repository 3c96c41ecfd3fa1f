"""nbdev_test's run of the notebooks' tests (nbdev.test.test_nb, the same flags and output), started slowest first.

nbdev_test starts the notebooks in name order: on two workers the slow ones near the end leave a worker idle while the
last one runs. Here the notebooks named in .ci/slowest (slowest first; measured by .ci/test, which prints each
notebook's time) start first, then the rest in name order. A stale list costs only time."""
import os, sys
from pathlib import Path
from fastcore.parallel import parallel
from fastcore.script import call_parse
from fastcore.xtras import working_directory
from nbdev.config import get_config
from nbdev.doclinks import nbglob
from nbdev.test import test_nb, _keep_file

@call_parse
def main(path:str=None, # a notebook or glob to test; every notebook when None
         file_glob:str='*.ipynb', # only the notebooks matching this glob
         flags:str='', # space separated flags of cells to run that are normally skipped
         n_workers:int=2, # notebooks run at once
         do_print:bool=False): # print the start and end of each notebook
    cfg = get_config()
    files = [f.absolute() for f in sorted(nbglob(path, file_glob=file_glob, as_path=True)) if _keep_file(f, '.notest')]
    if not files: return print('No files were eligible for testing')
    slowest = Path(__file__).with_name('slowest').read_text().split()
    files.sort(key=lambda f: slowest.index(f.name) if f.name in slowest else len(slowest))      # stable: the rest by name
    with working_directory(cfg.nbs_path):
        results = parallel(test_nb, files, skip_flags=cfg.tst_flags.split(), force_flags=flags.split(), n_workers=n_workers,
                           basepath=cfg.config_path, pause=0.01, do_print=do_print)
    failed = [f.name for (ok, _), f in zip(results, files) if not ok]
    if not failed: return print("Success.")
    sys.stderr.write("\nnbdev Tests Failed On The Following Notebooks:\n" + '=' * 50 + '\n\t' + '\n\t'.join(failed) + '\n')
    sys.exit(1)
