"""The members of a community: a searchable table, adding one, importing a CSV, exporting.

An import is shown row by row, with every problem, before anything is written; only a
file with no problems can be confirmed, and the import itself is all or nothing.
"""

from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, flash, redirect, render_template, request
from sqlalchemy import func, or_, select

from service import web
from service.care.buddies import current_groups
from service.members import (
    IMPORT_COLUMNS,
    ImportRefused,
    MemberError,
    RowProblem,
    add_member,
    export_members,
    import_members,
    members_by_phone,
    read_import,
)
from service.messaging.sms_text import LANGUAGES
from service.models import CheckIn, CheckInStatus, Community, Member, MemberStatus
from service.schedules import ScheduleError, describe_schedule
from service.web.dashboard import scoping
from service.web.dashboard.auth import require_sign_in
from service.web.dashboard.charts import sparkline
from service.web.dashboard.common import link, now, record

bp = Blueprint("members", __name__)
bp.before_request(require_sign_in)

TREND_LENGTH = 10
PAGE_LIMIT = 500
MAX_IMPORT_BYTES = 512 * 1024


def recent_scores(member_ids: list[int], limit: int = TREND_LENGTH) -> dict[int, list[int]]:
    """The last ``limit`` answered check-in scores of each member, oldest first."""
    if not member_ids:
        return {}
    rank = func.row_number().over(partition_by=CheckIn.member_id, order_by=CheckIn.scheduled_for.desc()).label("rank")
    ranked = (
        select(CheckIn.member_id, CheckIn.score, CheckIn.scheduled_for, rank)
        .where(CheckIn.member_id.in_(member_ids), CheckIn.status == CheckInStatus.ANSWERED, CheckIn.score.is_not(None))
        .subquery()
    )
    rows = web.session().execute(
        select(ranked.c.member_id, ranked.c.score).where(ranked.c.rank <= limit)
        .order_by(ranked.c.member_id, ranked.c.scheduled_for)
    )
    scores: dict[int, list[int]] = {}
    for member_id, score in rows:
        scores.setdefault(member_id, []).append(score)
    return scores


def buddy_map(community: Community) -> dict[int, list[Member]]:
    """Each member's current buddies."""
    buddies: dict[int, list[Member]] = {}
    for group in current_groups(web.session(), community):
        for member in group.members:
            buddies.setdefault(member.id, []).extend(m for m in group.members if m.id != member.id)
    return buddies


def find_members(community: Community, query: str, status: str) -> list[Member]:
    statement = select(Member).where(Member.community_id == community.id)
    if query:
        pattern = f"%{query.lower()}%"
        digits = "".join(c for c in query if c.isdigit())
        conditions = [func.lower(Member.name).like(pattern)]
        if digits:
            conditions.append(Member.phone.like(f"%{digits}%"))
        statement = statement.where(or_(*conditions))
    if status:
        statement = statement.where(Member.status == status)
    return list(web.session().scalars(statement.order_by(func.lower(Member.name), Member.id).limit(PAGE_LIMIT + 1)))


def _table_context(community: Community) -> dict:
    query = (request.args.get("q") or "").strip()[:100]
    status = request.args.get("status") or ""
    if status and status not in {s.value for s in MemberStatus}:
        status = ""
    members = find_members(community, query, status)
    scores = recent_scores([m.id for m in members])
    return {
        "members": members[:PAGE_LIMIT],
        "more": len(members) > PAGE_LIMIT,
        "sparks": {m.id: sparkline(scores.get(m.id, [])) for m in members},
        "buddies": buddy_map(community),
        "q": query,
        "status": status,
        "statuses": [s.value for s in MemberStatus],
        "total": web.session().scalar(select(func.count()).select_from(Member).where(Member.community_id == community.id)),
    }


@bp.get("/members")
def page():
    community = scoping.current_community()
    return render_template("members.html", **_table_context(community))


@bp.get("/members/_table")
def table():
    community = scoping.current_community()
    return render_template("_members_table.html", **_table_context(community))


# --- adding one ----------------------------------------------------------------------------

def _form_values() -> dict:
    return {key: (request.form.get(key) or "").strip() for key in ("name", "phone", "timezone", "language", "schedule")}


@bp.get("/members/new")
def new():
    community = scoping.current_community()
    values = {"name": "", "phone": "", "timezone": "", "language": community.language, "schedule": ""}
    return render_template("member_new.html", values=values, languages=LANGUAGES)


@bp.post("/members/new")
def add():
    community = scoping.current_community()
    values = _form_values()
    session = web.session()
    try:
        member = add_member(session, community, now(), **values)
    except MemberError as error:
        session.rollback()
        return render_template("member_new.html", values=values, languages=LANGUAGES, error=str(error)), 422
    record("member.add", f"member:{member.id}", {"name": member.name})
    session.commit()
    flash(f"{member.name} is added. They got a text inviting them; check-ins start once they reply YES.", "done")
    return redirect(link("member.page", member_id=member.id), 303)


# --- importing a CSV -------------------------------------------------------------------------

def _uploaded_text() -> tuple[str | None, str | None]:
    """The CSV from the file field or the pasted text; (text, error)."""
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        raw = upload.read(MAX_IMPORT_BYTES + 1)
        if len(raw) > MAX_IMPORT_BYTES:
            return None, "The file is too large: split it into files of a few thousand members."
        try:
            return raw.decode("utf-8-sig"), None
        except UnicodeDecodeError:
            return None, "The file is not UTF-8 text. Save it from your spreadsheet as \"CSV UTF-8\" and try again."
    pasted = request.form.get("csv") or ""
    if pasted.strip():
        return pasted.lstrip("\ufeff"), None
    return None, "Choose a CSV file (or paste its text) first."


def _raw_rows(text: str) -> dict[int, dict]:
    """Each row as written, by the line number read_import reports, for showing a bad row."""
    reader = csv.DictReader(io.StringIO(text))
    rows = {}
    try:
        for row in reader:
            rows[reader.line_num] = {key: row.get(key) or "" for key in IMPORT_COLUMNS}
    except csv.Error:
        pass
    return rows


def preview(community: Community, text: str) -> dict:
    drafts, problems = read_import(community, text, now())
    taken = members_by_phone(web.session(), [d.phone for _, d in drafts])
    problems = problems + [RowProblem(line, f"{d.phone} already belongs to a member") for line, d in drafts if d.phone in taken]
    by_line = {p.line: p.reason for p in problems}
    raw = _raw_rows(text)
    rows = []
    for line, draft in drafts:
        rows.append({"line": line, "name": draft.name, "phone": draft.phone, "timezone": draft.timezone or "",
                     "language": draft.language, "schedule": _describe(draft.schedule), "problem": by_line.get(line)})
    listed = {line for line, _ in drafts}
    for problem in problems:
        if problem.line not in listed:
            row = raw.get(problem.line, {})
            rows.append({"line": problem.line, **{k: row.get(k, "") for k in IMPORT_COLUMNS}, "problem": problem.reason})
            listed.add(problem.line)
    rows.sort(key=lambda r: r["line"])
    return {"rows": rows, "problems": sorted(problems, key=lambda p: p.line), "good": len(drafts) - len(taken)}


def _describe(schedule: str | None) -> str:
    if not schedule:
        return "community default"
    try:
        return describe_schedule(schedule, "en")
    except ScheduleError:
        return schedule


@bp.get("/members/import")
def import_form():
    scoping.current_community()
    return render_template("import.html", columns=IMPORT_COLUMNS)


@bp.post("/members/import")
def import_preview():
    community = scoping.current_community()
    text, error = _uploaded_text()
    if error:
        return render_template("import.html", columns=IMPORT_COLUMNS, error=error), 422
    result = preview(community, text)
    status = 422 if result["problems"] else 200
    return render_template("import.html", columns=IMPORT_COLUMNS, csv_text=text, **result), status


@bp.post("/members/import/confirm")
def import_confirm():
    community = scoping.current_community()
    text = request.form.get("csv") or ""
    session = web.session()
    try:
        added = import_members(session, community, text, now())
    except ImportRefused as refused:
        session.rollback()
        result = preview(community, text)
        if not result["problems"]:
            result["problems"] = refused.problems
        return render_template("import.html", columns=IMPORT_COLUMNS, csv_text=text,
                               error=f"Nothing was imported: {refused}.", **result), 422
    record("member.import", f"community:{community.id}", {"count": len(added)})
    session.commit()
    flash(f"{len(added)} member{'s are' if len(added) != 1 else ' is'} added and invited by text. "
          "Check-ins start for each once they reply YES.", "done")
    return redirect(link("members.page"), 303)


@bp.get("/members/export.csv")
def export():
    community = scoping.current_community()
    text = export_members(web.session(), community)
    record("member.export", f"community:{community.id}", {})
    web.session().commit()
    filename = "".join(c if c.isalnum() else "-" for c in community.name.lower()).strip("-") or "community"
    return Response(text, mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}-members-{now():%Y-%m-%d}.csv"'})
