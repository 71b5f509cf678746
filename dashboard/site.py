"""`paxminer dashboard build`: the static admin site, from the database to a folder of HTML files.

    OUT/index.html                          every region: this month's numbers, last night's run
    OUT/regions/<slug>/index.html           one region: months, AOs, PAX, slipping, tickets, problems, heard
    OUT/regions/<slug>/pax/<user_id>.html   one PAX
    OUT/regions/<slug>/heard-YYYY-MM.csv|json   the month's most-reacted messages

In `paxminer daily` each region's pages are written by its own `site` step as soon as its night's
work is done (while other regions still wait on Slack's pace), into the run's parts folder beside
OUT (build_region_part); the build after the run moves them in, builds any region that has none
(skipped, failed, not run tonight) and writes the nationwide page, then swaps the site in.

Opened from disk with no network: the CSS, the script (table sorting and filtering) and the SVG
charts are inline, and every link is relative. Pages are rendered by Jinja2 with autoescaping on,
so whatever members wrote (names, messages, replies) is text, never markup. A last filter on every
value masks anything shaped like a token, an email address or a phone number.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import shutil
import tempfile
import time
from datetime import date
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from dashboard import charts
from dashboard.data import RegionData, last_runs
from miner.app import App
from miner.core.clock import local_today
from miner.core.db import utcnow
from miner.core.registry import Region, list_regions
from miner.slack.client import redact

log = logging.getLogger("dashboard")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w.])"
                   r"|(?<![\w.])\+?\d{10,12}(?![\w.])")
INDEX = "index.json"  # the nationwide page's rows, for builds of some regions only
PARTS_STALE_S = 2 * 86400  # parts folders of runs that died are removed after this long
RUN_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
HEARD_FIELDS = ["rank", "day", "channel", "name", "reactions", "reactors", "text", "link"]


def private(value: str) -> str:
    """Tokens, email addresses and phone numbers masked (members may type them into messages)."""
    value = redact(value)
    value = EMAIL.sub("[email hidden]", value)
    return PHONE.sub("[phone hidden]", value)


def _finalize(value):
    if isinstance(value, Markup):  # our own SVG and static files
        return value
    if isinstance(value, str):
        return private(value)
    return "" if value is None else value


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The templates (compiled once per process: a nightly run renders every region with them)."""
    env = Environment(loader=PackageLoader("dashboard", "templates"), autoescape=select_autoescape(default=True),
                      finalize=_finalize, trim_blocks=True, lstrip_blocks=True)
    static = files("dashboard") / "static"
    env.globals["css"] = Markup((static / "site.css").read_text(encoding="utf-8"))
    env.globals["js"] = Markup((static / "site.js").read_text(encoding="utf-8"))
    env.filters["num"] = lambda v: f"{v:,}" if isinstance(v, int) else v
    return env


def site_folder(app: App) -> str:
    """The site's folder: [dashboard] folder in the config, else `site` beside the data folder (./site)."""
    return app.settings.section("dashboard").get("folder") or str(Path(app.settings.data_dir).parent / "site")


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(name).lower()).strip("-")[:64] or "region"


def parts_folder(out: str | Path, run_id: str) -> Path:
    """Where a nightly run's regions put their pages before the build after the run takes them."""
    if not RUN_ID.match(str(run_id)):
        raise ValueError(f"not a run id: {run_id!r}")
    out = Path(out)
    return out.with_name(f".{out.name}-parts-{run_id}")


def build_region_part(app: App, region: Region, out: str | Path, run_id: str, today: date | None = None) -> dict:
    """One region's pages and its nationwide row, into the run's parts folder (the region's `site`
    step in `paxminer daily`); build_site(parts=...) moves them into the site after the run."""
    parts = parts_folder(out, run_id)
    key = slug(region.region)
    folder = parts / "regions" / key
    done = parts / "rows" / f"{key}.json"
    done.unlink(missing_ok=True)  # a step run again (the database went away) starts over
    if folder.exists():
        shutil.rmtree(folder)
    data = RegionData(app, region, today or local_today(region.timezone))
    row = nation_row(data, None)
    pages = write_region(environment(), data, folder, utcnow(), chart_cache(out))
    done.parent.mkdir(parents=True, exist_ok=True)
    tmp = done.with_suffix(".tmp")
    tmp.write_text(json.dumps({"row": row, "pages": pages}, default=str), encoding="utf-8")
    tmp.replace(done)  # the row is written last: a region with a row has all its pages
    return {"pages": pages}


def take_part(parts: Path | None, region: Region, into: Path) -> tuple[dict, int] | None:
    """A region's pages built during the run, moved to `into`: (its nationwide row, pages); None if none."""
    if parts is None:
        return None
    key = slug(region.region)
    done, folder = parts / "rows" / f"{key}.json", parts / "regions" / key
    try:
        part = json.loads(done.read_text(encoding="utf-8"))
        row, pages = part["row"], int(part["pages"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if row.get("region") != region.region or not folder.is_dir():
        return None
    into.parent.mkdir(parents=True, exist_ok=True)
    folder.rename(into)
    return row, pages


def chart_cache(out: str | Path) -> Path:
    """Charts drawn for earlier builds of this site, by their inputs (dashboard.charts.cached)."""
    out = Path(out)
    return out.with_name(f".{out.name}-charts")


def remove_stale_parts(out: Path) -> None:
    """Parts folders left by runs that died before their build."""
    now = time.time()
    for p in out.parent.glob(f".{out.name}-parts-*"):
        try:
            if now - p.stat().st_mtime > PARTS_STALE_S:
                shutil.rmtree(p, ignore_errors=True)
        except OSError:
            pass


def page_name(user_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", user_id) + ".html"


# -- the build -------------------------------------------------------------------------------------------
def build_site(app: App, out: str | Path, regions: list[str] | None = None, today: date | None = None,
               parts: str | Path | None = None) -> dict:
    """Write the site for these regions (default: every active region) into `out`; returns counts.

    The site is written to a new folder beside `out` and swapped in when complete, so a web server
    never serves half a site. Building only some regions keeps the other regions' pages and their
    rows on the nationwide page from the last build (index.json holds those rows). `parts`: a
    nightly run's parts folder (parts_folder): the regions found there are taken as built
    ("prebuilt" in the counts), the others are built now; the folder is removed.
    """
    out = Path(out)
    parts = Path(parts) if parts is not None else None
    chosen = select(app, regions)
    env = environment()
    built = utcnow()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    counts = {"regions": 0, "pages": 0, "prebuilt": 0, "failed": 0, "errors": []}
    runs = last_runs(app)
    rows = []
    try:
        for region in chosen:
            built_part = take_part(parts, region, tmp / "regions" / slug(region.region))
            if built_part is not None:
                row, pages = built_part
                rows.append({**row, "run": nation_run(runs.get(region.region))})
                counts["pages"] += pages
                counts["regions"] += 1
                counts["prebuilt"] += 1
                continue
            try:
                data = RegionData(app, region, today or local_today(region.timezone))
                rows.append(nation_row(data, runs.get(region.region)))
                counts["pages"] += write_region(env, data, tmp / "regions" / slug(region.region), built, chart_cache(out))
                counts["regions"] += 1
            except Exception as exc:  # noqa: BLE001 - one broken region never costs the others their pages
                log.warning("dashboard: region %s not built: %s", region.region, exc)
                counts["failed"] += 1
                counts["errors"].append(f"{region.region}: {private(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)}")
                rows.append({"region": region.region, "slug": None, "error": "could not be read", "run": runs.get(region.region)})
            finally:  # SQLite: a pool per region file; idle handles of 100s of regions add up
                app.db.release(region.schema_name)
        if regions:
            rows += kept_regions(app, out, tmp, {r.region for r in chosen}, runs)
        rows.sort(key=lambda r: str(r["region"]).lower())
        (tmp / INDEX).write_text(json.dumps(rows, indent=1, default=str), encoding="utf-8")
        write(tmp / "index.html", env.get_template("index.html").render(regions=rows, built=built, root=""))
        counts["pages"] += 1
        os.chmod(tmp, 0o755)
        _swap(tmp, out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
        if parts is not None:
            shutil.rmtree(parts, ignore_errors=True)
        remove_stale_parts(out)
    if not regions:  # a whole build used every chart still shown
        charts.prune_cache(chart_cache(out))
    counts["out"] = str(out)
    return counts


def kept_regions(app: App, out: Path, tmp: Path, chosen: set[str], runs: dict) -> list[dict]:
    """The other active regions' pages and nationwide rows, copied from the site being replaced."""
    try:
        previous = json.loads((out / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    active = {r.region for r in list_regions(app.db) if r.active}
    kept = []
    for row in previous if isinstance(previous, list) else []:
        name, key = row.get("region"), row.get("slug")
        if name in chosen or name not in active or not key or not (out / "regions" / key).is_dir():
            continue
        shutil.copytree(out / "regions" / key, tmp / "regions" / key)
        kept.append({**row, "run": runs.get(name, row.get("run"))})
    return kept


def _swap(tmp: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{os.getpid()}")
        out.rename(old)
    tmp.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def select(app: App, names: list[str] | None) -> list[Region]:
    regions = list_regions(app.db)
    if not names:
        return [r for r in regions if r.active]
    by = {r.region: r for r in regions}
    missing = [n for n in names if n not in by]
    if missing:
        from miner.core.registry import RegionError

        raise RegionError(f"no region named {missing[0]!r} (see `paxminer region list`)")
    return [by[n] for n in dict.fromkeys(names)]


def write(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")


def nation_row(data: RegionData, run: dict | None) -> dict:
    m = data.this_month()
    return {"region": data.region.region, "slug": slug(data.region.region), **m, "run": nation_run(run),
            "as_of": data.today.isoformat()}


def nation_run(run: dict | None) -> dict | None:
    return {**run, "error": private(run.get("error") or "")} if run else run


def write_region(env: Environment, data: RegionData, folder: Path, built: str, cache: Path | None = None) -> int:
    """A region's page, its PAX pages and the heard downloads; returns the number of pages. `cache`:
    the folder of charts drawn before (dashboard.charts.cached)."""
    key = slug(data.region.region)
    monthly = data.monthly()
    month_chart = Markup(charts.monthly(monthly["month"].tolist(), monthly["posts"].tolist(), monthly["pax"].tolist(),
                                        monthly["fngs"].tolist(), f"{key}-months", cache=cache))
    aos = data.ao_stats()
    ao_chart = Markup(charts.ao_bars([a["name"] for a in aos], [a["beatdowns"] for a in aos], f"{key}-aos", cache=cache)) if aos else ""
    heard = data.heard()
    month = data.today.strftime("%Y-%m")
    downloads = write_heard(heard, folder, month)
    pax = data.pax()
    people = data.people()
    pages = {u: f"pax/{page_name(u)}" for u in people}
    write(folder / "index.html", env.get_template("region.html").render(
        region=data.region.region, today=data.today.isoformat(), built=built, root="../../",
        month=data.this_month(), monthly=monthly.to_dict("records"), month_chart=month_chart, aos=aos,
        ao_chart=ao_chart, pax=pax, as_of=data.scores_as_of(), pages=pages, slipping=data.slipping(),
        tickets=data.tickets(), problems=data.problems(), heard=heard.head(25).to_dict("records"),
        heard_total=len(heard), downloads=downloads, month_name=data.today.strftime("%B %Y")))
    n = 1
    pax_page = env.get_template("pax.html")
    for user_id in people:
        write(folder / pages[user_id], pax_page.render(
            region=data.region.region, built=built, root="../../../", p=data.pax_page(user_id), as_of=data.scores_as_of()))
        n += 1
    return n


def write_heard(heard, folder: Path, month: str) -> dict:
    """The month's most-reacted messages as CSV and JSON (text with emails and phone numbers masked)."""
    records = []
    for i, r in enumerate(heard.to_dict("records"), start=1):
        records.append({"rank": i, "day": r["day"], "channel": r["channel"], "name": private(str(r["name"])),
                        "reactions": int(r["reactions"]), "reactors": int(r["reactors"]),
                        "text": private(str(r["text"])), "link": r["link"]})
    folder.mkdir(parents=True, exist_ok=True)
    base = f"heard-{month}"
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=HEARD_FIELDS)
    w.writeheader()
    w.writerows(records)
    (folder / f"{base}.csv").write_text(buf.getvalue(), encoding="utf-8")
    (folder / f"{base}.json").write_text(json.dumps(records, indent=1, ensure_ascii=False), encoding="utf-8")
    return {"csv": f"{base}.csv", "json": f"{base}.json"}
