"""The schedule picker on the settings and member pages: what it shows, and the rule a
submitted form means.

The rule text sits behind an "advanced" fold beside the picker. Whichever the coordinator
changed wins: a rule typed there is kept as typed; otherwise the picker writes the rule. A
rule the picker cannot show leaves the picker unset, so saving keeps the rule as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import MultiDict

from service.schedules.picker import DAY_NAMES, Picked, picked_from_form, picked_from_rule, rule_for

COMMUNITY = "community"  # the member follows the community's schedule


@dataclass(frozen=True)
class PickerView:
    days: str | None  # the ticked choice; None when the rule is beyond the picker
    chosen: tuple[str, ...]
    time: str
    every_other_week: bool
    rule_before: str  # the rule as the page showed it, to tell whether the text was edited
    second_time: str | None = None  # the later time, when twice a day

    @property
    def beyond_picker(self) -> bool:
        return self.days is None

    day_names = DAY_NAMES


def view_of_rule(rule: str | None, fallback_rule: str | None = None) -> PickerView:
    """The picker for a saved rule; an empty rule with a fallback is "the community's schedule"."""
    if not (rule or "").strip() and fallback_rule is not None:
        shown = picked_from_rule(fallback_rule) or Picked("weekdays")
        return PickerView(COMMUNITY, shown.chosen, shown.time, shown.every_other_week, "", shown.second_time)
    picked = picked_from_rule(rule)
    if picked is None:
        return PickerView(None, (), "10:00", False, rule or "")
    return PickerView(picked.days, picked.chosen, picked.time, picked.every_other_week, rule or "",
                      picked.second_time)


def view_of_form(form: MultiDict) -> PickerView:
    """The picker as it was submitted, for a page shown again with a problem."""
    return PickerView(form.get("pick_days"), tuple(form.getlist("pick_day")), form.get("pick_time") or "10:00",
                      bool(form.get("pick_other_week")), form.get("rule_before") or "", _second_time(form))


def _second_time(form: MultiDict) -> str | None:
    """The second time when "twice a day" is ticked ("" if its field is empty), else None."""
    return (form.get("pick_time2") or "") if form.get("pick_twice") else None


def submitted_rule(form: MultiDict, field: str) -> str:
    """The rule the form means (raises ScheduleError when the picker's fields don't make one)."""
    text = (form.get(field) or "").strip()
    choice = form.get("pick_days")
    if choice is None or text != (form.get("rule_before") or "").strip():
        return text
    if choice == COMMUNITY:
        return ""
    picked = picked_from_form(choice, form.getlist("pick_day"), form.get("pick_time"),
                              bool(form.get("pick_other_week")), _second_time(form))
    # The same schedule as before keeps its text: saving other fields changes no rule.
    return text if picked == picked_from_rule(text) else rule_for(picked)
