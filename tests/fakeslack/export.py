"""Write a workspace as a standard Slack export (channels.json, users.json, <channel>/<YYYY-MM-DD>.json).

Public channels only, like a standard export. Day files hold the messages posted that UTC day in ts
order, thread replies included on the day they were posted (with thread_ts and parent_user_id);
parents carry reply_count/reply_users and a `replies` list. Metadata is not exported.
"""

from __future__ import annotations

import json
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from tests.fakeslack.state import Workspace


def write_export(ws: Workspace, path, as_zip: bool = True) -> Path:
    path = Path(path)
    files = _export_files(ws)
    if as_zip:
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in files.items():
                z.writestr(name, data)
    else:
        for name, data in files.items():
            f = path / name
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(data, encoding="utf-8")
    return path


def _export_files(ws: Workspace) -> dict[str, str]:
    out: dict[str, str] = {}
    with ws.lock:
        users = list(ws.users.values())
        chans = [c for c in ws.channels.values() if not c.info["is_private"] and not c.info["is_im"]]
        out["users.json"] = _dump(users)
        out["channels.json"] = _dump([{
            "id": c.info["id"], "name": c.info["name"], "created": c.info["created"], "creator": c.info["creator"],
            "is_archived": c.info["is_archived"], "is_general": c.info["is_general"], "members": sorted(c.members),
            "topic": c.info["topic"], "purpose": c.info["purpose"]} for c in chans])
        for c in chans:
            days: dict[str, list] = {}
            for ts in sorted(c.msgs):
                m = dict(c.msgs[ts])
                m.pop("metadata", None)
                if ts in c.threads:
                    m["replies"] = [{"user": c.msgs[r].get("user") or c.msgs[r].get("bot_id", ""), "ts": r}
                                    for r in c.threads[ts]]
                uid = m.get("user")
                if uid in ws.users and not m.get("bot_id"):
                    u = ws.users[uid]
                    p = u["profile"]
                    m["user_profile"] = {"avatar_hash": p["avatar_hash"], "image_72": p["image_72"],
                                         "first_name": p["first_name"], "real_name": p["real_name"],
                                         "display_name": p["display_name"], "team": ws.team, "name": u["name"],
                                         "is_restricted": False, "is_ultra_restricted": False}
                day = datetime.fromtimestamp(int(ts.split(".")[0]), timezone.utc).strftime("%Y-%m-%d")
                days.setdefault(day, []).append(m)
            for day, msgs in days.items():
                out[f"{c.info['name']}/{day}.json"] = _dump(msgs)
    return out


def _dump(obj) -> str:
    return json.dumps(obj, indent=4, ensure_ascii=False)
