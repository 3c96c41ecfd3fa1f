"""Fails if a committed file holds text of the real listings (titles, descriptions) or real photo ids.

The real data (../shared/marketplace) must never be committed, not even in a notebook's saved outputs.
Usage: python .ci/no_real_data.py [MARKETPLACE_DIR]   (skips, with a note, where there is no real data)"""
import subprocess, sys
from pathlib import Path
import pandas as pd

md = Path(sys.argv[1] if len(sys.argv) > 1 else '../shared/marketplace')
if not (md/'Products.csv').exists(): sys.exit(print(f'note: no real data in {md}; leak check skipped'))
p = pd.read_csv(md/'Products.csv', dtype=str, keep_default_na=False, lineterminator='\n')
i = pd.read_csv(md/'Images.csv', dtype=str, keep_default_na=False)
titles = {t.split(' | ')[0].strip() for t in p['product_name']}
needles = {t for t in titles if len(t) >= 25}                       # long titles are specific to one listing
needles |= {d.strip()[:60] for d in p['product_description'] if len(d.strip()) >= 60}
needles |= set(p['id']) | set(i['id'])
files = subprocess.run(['git', 'ls-files'], capture_output=True, text=True, check=True).stdout.split()
K = min(map(len, needles))                                            # every window of K characters is looked up once
by_start = {}
for n in needles: by_start.setdefault(n[:K], []).append(n)
bad = []
for f in files:
    try: text = Path(f).read_text(encoding='utf-8')
    except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError): continue
    hits = sorted({n for i in range(len(text) - K + 1) for n in by_start.get(text[i:i + K], ()) if text.startswith(n, i)})
    if hits: bad.append(f"{f}: {len(hits)} strings of the real data, e.g. {hits[0][:40]!r}")
if bad: sys.exit('FAIL: real data in committed files:\n' + '\n'.join(bad))
print(f'ok: none of {len(needles):,} strings of the real data is in the {len(files)} committed files')
